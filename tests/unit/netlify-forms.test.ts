/**
 * The Netlify Forms stand-in the browser tests post to (tests/harness/netlify-forms.ts): it must
 * refuse what Netlify refuses and keep only what Netlify keeps, or a browser test of a form could
 * pass against a stand-in kinder than the real thing.
 */
import { describe, expect, it } from 'vitest';
import { formsInHtml, receiveForm, type DeployedForm } from '../harness/netlify-forms';

const PAGE = `<!doctype html><html><body>
  <form name="topic-feedback" method="post" action="/a-z/thank-you/" data-netlify="true" netlify-honeypot="bot-field">
    <input type="hidden" name="form-name" value="topic-feedback">
    <input type="hidden" name="topic" value="depression">
    <p hidden><input name="bot-field"></p>
    <fieldset><input type="radio" name="useful" value="yes"><input type="radio" name="useful" value="no"></fieldset>
    <textarea name="missing"></textarea>
  </form>
  <form name="search" action="/search/"><input name="q"></form>
</body></html>`;

const forms = new Map<string, DeployedForm>(formsInHtml(PAGE).map((form) => [form.name, form]));

describe('finding forms in built pages', () => {
  it('finds only the forms marked for Netlify, with their fields and honeypot', () => {
    expect([...forms.keys()]).toEqual(['topic-feedback']);
    const form = forms.get('topic-feedback');
    expect([...(form?.fields ?? [])].sort()).toEqual(['bot-field', 'form-name', 'missing', 'topic', 'useful']);
    expect(form?.honeypot).toBe('bot-field');
  });
});

describe('receiving a post', () => {
  const post = (fields: Record<string, string>) =>
    receiveForm(forms, '/a-z/thank-you/', new URLSearchParams(fields).toString());

  it('keeps the fields the deployed form has, and drops any other', () => {
    expect(post({ 'form-name': 'topic-feedback', topic: 'anxiety', useful: 'yes', email: 'a@b.example' })).toEqual({
      kind: 'kept',
      submission: {
        form: 'topic-feedback',
        path: '/a-z/thank-you/',
        data: { 'form-name': 'topic-feedback', topic: 'anxiety', useful: 'yes' },
      },
    });
  });

  it('drops a post whose honeypot is filled in', () => {
    expect(post({ 'form-name': 'topic-feedback', useful: 'yes', 'bot-field': 'buy now' })).toEqual({
      kind: 'spam',
      form: 'topic-feedback',
    });
  });

  it('refuses a post naming no deployed form', () => {
    expect(post({ 'form-name': 'search', q: 'x' })).toEqual({ kind: 'unknown-form', name: 'search' });
    expect(post({ useful: 'yes' })).toEqual({ kind: 'unknown-form', name: '' });
  });
});
