/** "Delete Ana Ruiz?": for real, not the bin — and what that means for backups. */
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { counselorApi, counselorError, type Student } from './counselor-api';

interface DeleteStudentDialogProps {
  student: Student | null;
  onClose: () => void;
  onDeleted: (student: Student, plansDeleted: number) => void;
}

export function DeleteStudentDialog({ student, onClose, onDeleted }: DeleteStudentDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    if (!student) return;
    setBusy(true);
    try {
      const result = await counselorApi.deleteStudent(student.id);
      setError(null);
      onDeleted(student, result.plansDeleted);
    } catch (e) {
      setError(counselorError(e, 'deleting the student'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={student !== null}
      title={student ? `Delete ${student.name}?` : 'Delete student?'}
      onClose={() => {
        setError(null);
        onClose();
      }}
      onSubmit={() => void remove()}
      size="medium"
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            Delete for good
          </button>
        </>
      }
    >
      {student && (
        <div className="confirm-text" data-testid="delete-student-text">
          <p>
            This removes <strong>{student.name}</strong>
            {student.studentId ? ` (ID ${student.studentId})` : ''} and{' '}
            <strong>
              {student.planCount === 0
                ? 'no plans'
                : student.planCount === 1
                  ? 'their plan'
                  : `all ${student.planCount} of their plans`}
            </strong>{' '}
            from this
            computer for good. They do not go to the bin, and this cannot be undone.
          </p>
          <p>
            Backup copies of the database made before now still contain {student.name} until they are replaced: the app
            keeps the 10 newest, one for each day it is opened, so each older copy is deleted as a new one is made.{' '}
            <strong>End session</strong> deletes every backup at once.
          </p>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
