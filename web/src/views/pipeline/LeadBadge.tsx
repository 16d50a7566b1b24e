import { useT } from '../../i18n/useT';
import type { LeadStage } from '../../queries/leads';
import './pipeline.css';

/** "已是招商项目 · 接洽": a candidate that is a lead already, with its stage (chain map, targets). */
export function LeadBadge({ stage, testId }: { stage: LeadStage; testId: string }) {
  const { t } = useT();
  return (
    <span className="lead-badge" data-testid={testId} data-stage={stage}>
      {t('lead.already', { stage: t(`lead.stage.${stage}`) })}
    </span>
  );
}
