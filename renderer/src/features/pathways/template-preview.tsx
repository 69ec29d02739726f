/** The steps a pathway puts on the plan, each in its year with the guide's reason, and the guide's own words. */
import type { Template } from '../../../../shared/datapack/schema';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { planFromTemplate } from '../../../../shared/templates/plan-from-template';
import { templateStepLabel } from './template-info';

interface TemplatePreviewProps {
  template: Template;
  index: DataPackIndex;
  startYear: number;
  place: string;
}

export function TemplatePreview({ template, index, startYear, place }: TemplatePreviewProps) {
  const plan = planFromTemplate(template, index, { startYear, place });
  return (
    <section className="template-preview" aria-label={`Steps of ${template.name}`}>
      <p className="template-preview__title">What this pathway puts on your plan</p>
      {plan.steps.length === 0 ? (
        <p className="muted">No steps: just the first job.</p>
      ) : (
        <ol className="template-preview__steps">
          {plan.steps.map((step, i) => (
            <li key={i} className={`template-preview__step template-preview__step--${step.type}`}>
              <span className="template-preview__year num">{step.year}</span>
              <span className="template-preview__body">
                <span className="template-preview__label">{templateStepLabel(step, index)}</span>
                {step.note && <span className="template-preview__why">{step.note}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {template.quote && <blockquote className="template-preview__quote">“{template.quote}”</blockquote>}
    </section>
  );
}
