/** How the counselor forms word a name that can't be saved (see components/name-problem). */
import type { NameWords } from '../../components/name-problem';

export const STUDENT_NAME_WORDS: NameWords = {
  subject: "The student's name",
  empty: 'Type the student’s name.',
};
export const STUDENT_ID_WORDS: NameWords = {
  subject: 'The student ID',
  empty: 'Type the student ID, or leave it out.',
};
export const CLASS_NAME_WORDS: NameWords = {
  subject: 'The class name',
  empty: 'Type a name for the class, such as “Period 2 Health Careers”.',
};
