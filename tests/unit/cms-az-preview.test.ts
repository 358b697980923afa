/**
 * The CMS preview of an A–Z topic shows what the page will: other names, the guide note, further
 * help (a registry helpline by its id), and the reviewer and sources under the review dates. A
 * page's, value's or service's preview shows its heading, lead line and reading grade.
 */
import { describe, expect, it } from 'vitest';
import { azPreview, textPreview, type PreviewProps } from '../../src/browser/cms/previews';

/** A stand-in for React.createElement that keeps the tree, so the test can read its text. */
interface El {
  type: string;
  props: Record<string, unknown> | null;
  children: unknown[];
}
const h = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]): El => ({
  type,
  props: props ?? null,
  children,
});

/** All the text in a tree, in order. */
function textOf(node: unknown): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  const el = node as El;
  return el.children.map(textOf).join('');
}

function props(data: Record<string, unknown>): PreviewProps {
  return {
    entry: { getIn: (path: string[]) => (path[0] === 'data' ? data[path[1] ?? ''] : undefined) },
    widgetFor: () => null,
    getAsset: () => undefined,
  };
}

const topic = {
  title: 'Advocacy',
  summary: 'Someone to help you speak up.',
  kind: 'guide',
  alsoKnownAs: ['Mental health advocacy'],
  furtherHelp: [{ helpline: 'mind-infoline' }, { label: 'Mind – Advocacy', url: 'https://www.mind.org.uk/x/' }],
  sources: [{ title: 'Mind – Advocacy in mental health', url: 'https://www.mind.org.uk/x/' }],
  reviewedBy: 'Clinical adviser',
  lastReviewed: '2026-11-28',
  body: 'An advocate helps you speak up.',
};

describe('the A–Z preview', () => {
  const text = textOf(azPreview(h)(props(topic)));

  it('shows the other names, and reminds the editor that a guide has its own headings', () => {
    expect(text).toContain('Also known as: Mental health advocacy');
    expect(text).toContain('"Signs" is for conditions only');
  });

  it('lists a registry helpline by its id and a web page by its name', () => {
    expect(text).toContain('Helpline: mind-infoline');
    expect(text).toContain('Mind – Advocacy');
  });

  it('shows who reviewed the topic and its sources', () => {
    expect(text).toContain('Reviewed by: Clinical adviser.');
    expect(text).toContain('Sources');
    expect(text).toContain('Mind – Advocacy in mental health');
  });

  it('says nothing about guides on a condition', () => {
    const condition = textOf(azPreview(h)(props({ ...topic, kind: 'condition' })));
    expect(condition).not.toContain('"Signs" is for conditions only');
  });
});

describe('the page, value and service preview', () => {
  it('shows the heading, the lead line the collection has, and the reading grade of the text', () => {
    const page = { title: 'Support us', description: 'Ways to help.', body: 'Every gift helps. Thank you.' };
    const text = textOf(textPreview(h, 'pages', 'description')(props(page)));
    expect(text).toContain('Support us');
    expect(text).toContain('Ways to help.');
    expect(text).toMatch(/Reading grade -?[\d.]+ · 5 words · 2 sentences/);
  });
});
