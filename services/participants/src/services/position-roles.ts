import { PositionRole } from '../entities/enums';

/**
 * The role of a free-text title (nb, nn, sv), first match in this order: an elected office
 * before a leader ("varaordfører" is no manager), a deputy before the chief executive it deputises
 * for, a department head before the generic leader, an adviser before a leader ("rådgiver og
 * prosjektleder"). Used where a position is recorded without a role, and by the migration that
 * gave the positions recorded before roles existed theirs.
 */
const TITLE_PATTERNS: [PositionRole, RegExp][] = [
  [PositionRole.POLITICIAN, /ordfører|ordførar|ordförande|kommunalråd|regionråd|politiker|byråd|kommunestyrerepresentant|kommunestyremedlem|fylkestingsrepresentant|ledamot/],
  [PositionRole.DEPUTY_CHIEF_EXECUTIVE, /(assisterende|assisterande|ass\.|stedfortredende|biträdande|vice|ställföreträdande)\s*(rådmann|kommunedirektør|kommundirektör|kommunchef|fylkesrådmann|fylkesdirektør|stadsdirektör|regiondirektör)/],
  [PositionRole.CHIEF_EXECUTIVE, /rådmann|rådkvinne|kommunedirektør|kommunedirektor|kommundirektör|kommunchef|stadsdirektör|fylkesdirektør|regiondirektör/],
  [PositionRole.DEPARTMENT_HEAD, /kommunalsjef|kommunaldirektør|etatsjef|etatssjef|sektorsjef|økonomisjef|økonomidirektør|personalsjef|hr-sjef|hr-direktør|organisasjonssjef|organisasjonsdirektør|förvaltningschef|ekonomichef|ekonomidirektör|personalchef|hr-chef|hr-direktör/],
  [PositionRole.ADVISER, /rådgiver|rådgjevar|rådgivar|konsulent|controller|revisor|jurist|advokat|handläggare|handläggar|utredare|utreder|utgreiar|analytiker|internkontroller|prosjektleder|prosjektleiar|projektledare|spesialist|specialist|koordinator|samordnar/],
  [PositionRole.MANAGER, /leder|leiar|sjef|chef|rektor|styrer|direktør|direktör/],
];

export function roleOfTitle(title: string | null | undefined): PositionRole {
  const text = (title ?? '').toLocaleLowerCase('nb');
  return TITLE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? PositionRole.OTHER;
}
