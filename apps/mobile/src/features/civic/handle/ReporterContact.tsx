import { RevealReporterBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi, type RevealedReporter } from '../../../api/civic.ts';
import { TextPromptPopup } from '../../../components/TextPromptPopup.tsx';
import { useDescribeError } from '../../../i18n/describe-error.ts';

const REASON_MAX = RevealReporterBodySchema.shape.reason.maxLength ?? 200;

type Props = {
  caseId: string;
  /** Masked, as the detail gives them. */
  name: string | null;
  phone: string | null;
  revealed: RevealedReporter | null;
  onRevealed: (reporter: RevealedReporter) => void;
};

/**
 * 反映人: masked until the handler asks for the full number with a reason (audited); then a 拨打电话 link.
 * The unmasked number stays in memory for this page only.
 */
export function ReporterContact({ caseId, name, phone, revealed, onRevealed }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [asking, setAsking] = useState(false);
  const reveal = useMutation({
    mutationFn: (reason: string) => civicApi.revealReporter(caseId, reason),
    onSuccess: (reporter) => {
      onRevealed(reporter);
      setAsking(false);
    },
  });
  const shownName = revealed?.name ?? name;
  const shownPhone = revealed?.phone ?? phone;
  return (
    <div className="civic-reporter" data-testid="civic-reporter">
      <p>
        <span className="civic-reporter-name">{shownName ?? t('common.none')}</span>
        <span className="mono civic-reporter-phone" data-testid="civic-reporter-phone">
          {shownPhone ?? t('civic.act.noPhone')}
        </span>
      </p>
      {revealed?.phone ? (
        <a className="civic-call" href={`tel:${revealed.phone}`} data-testid="civic-call">
          {t('civic.act.call')}
        </a>
      ) : phone ? (
        <Button
          size="large"
          color="primary"
          fill="outline"
          onClick={() => setAsking(true)}
          data-testid="civic-reveal-phone"
        >
          {t('civic.act.revealPhone')}
        </Button>
      ) : null}
      <TextPromptPopup
        visible={asking}
        title={t('civic.act.revealTitle')}
        description={t('civic.act.revealLead')}
        label={t('civic.act.revealReason')}
        placeholder={t('civic.act.revealPlaceholder')}
        maxLength={REASON_MAX}
        required
        confirmText={t('civic.act.revealConfirm')}
        busy={reveal.isPending}
        failure={reveal.isError ? describe(reveal.error) : undefined}
        onConfirm={(reason) => reveal.mutate(reason)}
        onClose={() => {
          setAsking(false);
          reveal.reset();
        }}
        testId="civic-reveal"
      />
    </div>
  );
}
