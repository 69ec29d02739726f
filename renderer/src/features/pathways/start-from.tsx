/**
 * "Start from": a blank plan or one of the data pack's pathways, each with its one-line summary,
 * where it goes, and which guides its steps come from. Radio buttons, so the arrow keys move
 * between them.
 */
import { useId } from 'react';
import type { Template } from '../../../../shared/datapack/schema';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { templateFacts } from './template-info';
import './pathways.css';

interface StartFromProps {
  templates: readonly Template[];
  index: DataPackIndex;
  /** The chosen template's id, or null for a blank plan. */
  value: string | null;
  onChange: (templateId: string | null) => void;
}

export function StartFrom({ templates, index, value, onChange }: StartFromProps) {
  const name = useId();
  return (
    <fieldset className="start-from">
      <legend className="field__label">Start from</legend>
      <div className="start-from__list">
        <label className="start-option">
          <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
          <span className="start-option__body">
            <span className="start-option__name">Blank plan</span>
            <span className="start-option__summary">
              Just your first job. Add steps yourself, or let the planner suggest them.
            </span>
          </span>
        </label>
        {templates.map((template) => {
          const facts = templateFacts(template, index);
          return (
            <label key={template.id} className="start-option" data-template={template.id}>
              <input
                type="radio"
                name={name}
                checked={value === template.id}
                onChange={() => onChange(template.id)}
              />
              <span className="start-option__body">
                <span className="start-option__name">{template.name}</span>
                <span className="start-option__summary">{template.summary}</span>
                <span className="start-option__meta">
                  {facts.startsAs}
                  {facts.endsAs !== facts.startsAs ? ` → ${facts.endsAs}` : ''} · {facts.steps} ·{' '}
                  {facts.years}
                </span>
                <span className="start-option__source">Steps from {facts.sources.join('; ')}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
