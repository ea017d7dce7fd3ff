import { personalDataPart, type PersonalDataPart } from '@kommunenett/subgraph-kit';

/**
 * The reports service's part of a person's data. Reports, surveys and statistics belong to
 * municipalities and organizations: no row names a person as author or respondent (respondents
 * are opaque keys), so the export part is empty and erasure only clears the person's name, email
 * and subjects from free text (`eraseTraces`), e.g. a risk owner typed as a name.
 */
export const reportsPersonalData: PersonalDataPart = {
  service: 'reports',
  description: 'The reports service’s part: reports and surveys belong to municipalities and name no person, so this part is empty unless that changes.',
  async export() {
    return { authored: [] };
  },
  async erase() {
    return 0;
  },
};

export const reportsPersonalDataPart = personalDataPart(reportsPersonalData);
