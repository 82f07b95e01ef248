// The end of the decision: what stopped a save, the confirmation that finishing an anonymous screening
// with a safety signal without saving loses it (naming what), and the buttons.
import { useMessages } from '../../i18n/define-messages';
import { FormErrors } from '../../ui/form-errors';
import { screeningMessages } from './messages';

export function SaveRow(props: {
  errors: readonly string[];
  busy: boolean;
  completedElsewhere: boolean;
  anonymous: boolean;
  /** Set while asking to confirm discarding a safety signal: what would be lost. */
  discardWarning: { signals: string; total: number } | null;
  onAskDiscard: () => void;
  onDiscard: () => void;
  onCancelDiscard: () => void;
}) {
  const t = useMessages(screeningMessages);
  return (
    <>
      {props.completedElsewhere && (
        <p className="form-errors" role="alert">
          {t('errorAlreadyCompleted')}
        </p>
      )}
      <FormErrors errors={props.errors} />
      {props.discardWarning !== null && (
        <div className="warning-box" role="alert">
          <p>{t('discardSafetyWarning', props.discardWarning)}</p>
          <div className="button-row">
            <button type="button" className="button danger" onClick={props.onDiscard}>
              {t('discardSafetyConfirm')}
            </button>
            <button type="button" className="button secondary" onClick={props.onCancelDiscard}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={props.busy || props.completedElsewhere}>
          {props.anonymous ? t('createClientAndSave') : t('save')}
        </button>
        {props.anonymous && (
          <button type="button" className="button secondary" onClick={props.onAskDiscard}>
            {t('finishWithoutSaving')}
          </button>
        )}
      </div>
    </>
  );
}
