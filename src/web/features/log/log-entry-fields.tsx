import { learningFormLabels } from '../../../features/plans/labels';
import { Field } from '../../components/field';
import { fieldError } from '../../lib/api';
import { DateField } from '../../ui/date-field';
import { Select, TextArea } from '../plans/plan-fields';
import { type CreateLogBody, goalOptions, type MyGoal } from './log-api';

/** What an entry says, as the edit forms hold it. */
export type LogEntryValues = Required<Pick<CreateLogBody, 'what' | 'form' | 'source' | 'goalId' | 'learnedOn'>>;

/** The fields of an entry read from its edit form. */
export function readLogEntryForm(form: HTMLFormElement): LogEntryValues {
  const data = new FormData(form);
  return {
    what: String(data.get('what') ?? ''),
    form: (data.get('form') || null) as LogEntryValues['form'],
    source: String(data.get('source') ?? ''),
    goalId: (data.get('goalId') || null) as string | null,
    learnedOn: String(data.get('learnedOn') ?? ''),
  };
}

/**
 * The fields of an entry being edited: in the log, and for a capture kept on the device that the server refused.
 * `errorOf` names what is wrong with a field (the server's answer).
 */
export function LogEntryFields({
  values,
  goals,
  errorOf,
}: {
  values: LogEntryValues;
  goals: MyGoal[] | undefined;
  errorOf: (field: keyof LogEntryValues) => string | undefined;
}) {
  return (
    <>
      <TextArea
        label="What I learned"
        name="what"
        defaultValue={values.what}
        required
        maxLength={2000}
        error={errorOf('what')}
      />
      <div className="row">
        <Select
          label="How"
          name="form"
          defaultValue={values.form ?? ''}
          options={[['', 'Choose…'], ...Object.entries(learningFormLabels)]}
          error={errorOf('form')}
        />
        <Field
          label="From whom or what"
          name="source"
          defaultValue={values.source}
          maxLength={300}
          error={errorOf('source')}
        />
        <Select
          label="For goal"
          name="goalId"
          defaultValue={values.goalId ?? ''}
          options={goalOptions(goals)}
          error={errorOf('goalId')}
        />
        <DateField
          label="When"
          name="learnedOn"
          defaultValue={values.learnedOn}
          required
          error={errorOf('learnedOn')}
        />
      </div>
    </>
  );
}

/** The error of a field in an API error, for `errorOf`. */
export const fieldsOf = (error: unknown) => (field: string) => fieldError(error, field);
