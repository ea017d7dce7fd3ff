import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which handbook a network works from (the networks service owns the network itself). */
@Entity({ name: 'network_handbook' })
export class NetworkHandbook {
  @PrimaryColumn('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'handbook_id' }) handbookId: string;
}
