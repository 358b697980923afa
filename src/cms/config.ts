/**
 * The whole Decap CMS configuration, assembled from the collections' declarations in src/schemas.
 * Nothing about a field is written here: labels, hints, widgets, limits and options all come from
 * the field builder. This module only says where each collection lives, how the editor lists it,
 * and which backend the live editor talks to (chosen from environment variables at build time).
 * Pure TypeScript (no astro:* imports), so unit tests can check the result.
 */
import { COLLECTIONS } from '../schemas/collections';
import { markdownBody, type CmsField, type CollectionSchema } from '../schemas/fields';
import type { SiteLists } from '../schemas/settings';

/** Environment variables that choose the CMS backend; see docs/cms.md. */
export interface CmsEnv {
  /** `github` (default), `git-gateway`, or `decapbridge` (DecapBridge's git-gateway with PKCE sign-in). */
  CMS_BACKEND?: string | undefined;
  /** The GitHub repository, as `owner/name`. */
  CMS_REPO?: string | undefined;
  /** Set by Netlify during its builds (the repository's address); used when CMS_REPO is not set. */
  REPOSITORY_URL?: string | undefined;
  /** The branch editors' changes go to (default `main`). */
  CMS_BRANCH?: string | undefined;
  /** git-gateway hosts: the address of the gateway (for DecapBridge, https://gateway.decapbridge.com). */
  CMS_GATEWAY_URL?: string | undefined;
  /** git-gateway hosts: the identity (login) address the host gives for this site. */
  CMS_IDENTITY_URL?: string | undefined;
  /** DecapBridge: the site's id, the part after `/sites/` in the configuration DecapBridge shows. */
  CMS_DECAPBRIDGE_SITE?: string | undefined;
  /** Set (to anything) to make the editor save through the local decap-server instead. */
  CMS_LOCAL?: string | undefined;
  /** Port of the local decap-server (default 8081). */
  CMS_LOCAL_PORT?: string | undefined;
}

/** Options for {@link buildCmsConfig}. */
export interface CmsConfigOptions {
  /** The lists (categories, towns, service types) read from the settings file. */
  lists: SiteLists;
  /** Environment variables (normally `process.env`). */
  env: CmsEnv;
  /** True under `astro dev`, which always edits locally. */
  dev: boolean;
  /** Public address of the live site, for the editor's "view live" links. */
  siteUrl: string;
}

/** Netlify's OAuth provider, which signs editors in to GitHub for sites hosted on Netlify. */
export const NETLIFY_OAUTH_URL = 'https://api.netlify.com';

/** DecapBridge's sign-in service: PKCE sign-in (email, Google or Microsoft) starts and ends here. */
export const DECAPBRIDGE_AUTH_URL = 'https://auth.decapbridge.com';

/** DecapBridge's git-gateway, which writes editors' changes to the repository with its own token. */
export const DECAPBRIDGE_GATEWAY_URL = 'https://gateway.decapbridge.com';

/** Where the collections live, relative to the repository root (what the backend writes to). */
const CONTENT_ROOT = 'content';

/** The Markdown body, shown after the frontmatter fields in every Markdown collection. */
const BODY = markdownBody({
  label: 'Text',
  hint: 'The main text. Use headings (not bold) to break it up, and plain, friendly words.',
});

/** The Decap collections, in the order editors see them in the sidebar. */
export type CmsCollection = Record<string, unknown> & { name: string; label: string };

/** The generated configuration object (serialised as JSON, which is valid YAML). */
export type CmsConfig = Record<string, unknown> & { collections: CmsCollection[] };

/** `owner/name` from a GitHub address such as https://github.com/owner/name or git@github.com:owner/name.git. */
export function repoFromUrl(url: string | undefined): string | undefined {
  return /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url ?? '')?.[1];
}

/** The backend block for the live editor, from the environment. */
export function backendFromEnv(env: CmsEnv): Record<string, string> {
  const branch = env.CMS_BRANCH || 'main';
  const repoName = env.CMS_REPO || repoFromUrl(env.REPOSITORY_URL);
  const repo = repoName ? { repo: repoName } : {};
  const kind = env.CMS_BACKEND || 'github';
  if (kind === 'github') {
    return { name: 'github', ...repo, branch, base_url: NETLIFY_OAUTH_URL, auth_endpoint: 'auth' };
  }
  if (kind === 'git-gateway') {
    return {
      name: 'git-gateway',
      ...repo,
      branch,
      ...(env.CMS_IDENTITY_URL ? { identity_url: env.CMS_IDENTITY_URL } : {}),
      ...(env.CMS_GATEWAY_URL ? { gateway_url: env.CMS_GATEWAY_URL } : {}),
    };
  }
  if (kind === 'decapbridge') {
    // The settings DecapBridge generates for a PKCE site: Decap's git-gateway backend, signed in
    // through DecapBridge's /pkce and /token endpoints for this site.
    const site = env.CMS_DECAPBRIDGE_SITE ?? '';
    return {
      name: 'git-gateway',
      ...repo,
      branch,
      auth_type: 'pkce',
      base_url: DECAPBRIDGE_AUTH_URL,
      auth_endpoint: `/sites/${site}/pkce`,
      auth_token_endpoint: `/sites/${site}/token`,
      gateway_url: env.CMS_GATEWAY_URL || DECAPBRIDGE_GATEWAY_URL,
    };
  }
  throw new Error(`CMS_BACKEND must be "github", "git-gateway" or "decapbridge", not "${kind}"`);
}

/**
 * Why the live editor cannot start with these settings, in words for whoever runs the build (it is
 * printed as a build warning and shown on /admin/), or undefined when nothing is missing.
 */
export function cmsSetupProblem(env: CmsEnv, dev: boolean): string | undefined {
  if (isLocal(env, dev)) return undefined;
  const kind = env.CMS_BACKEND || 'github';
  if (kind === 'github' && !(env.CMS_REPO || repoFromUrl(env.REPOSITORY_URL))) {
    return 'Set CMS_REPO to the GitHub repository, as owner/name (for example example-charity/website). Netlify sets REPOSITORY_URL by itself when it builds the site from GitHub, which does the same.';
  }
  if (kind === 'decapbridge' && !env.CMS_DECAPBRIDGE_SITE) {
    return 'Set CMS_DECAPBRIDGE_SITE to the site id DecapBridge shows for this site (the part after /sites/ in its configuration).';
  }
  return undefined;
}

/**
 * The origins the editor's page must be allowed to connect to (its `connect-src`): the local
 * decap-server when editing locally, GitHub's API, or the git-gateway host's addresses.
 */
export function cmsConnectSources(env: CmsEnv, dev: boolean): string[] {
  const sources = isLocal(env, dev) ? [`http://127.0.0.1:${env.CMS_LOCAL_PORT || '8081'}`] : [];
  const backend = backendFromEnv(env);
  if (backend['name'] === 'github') sources.push('https://api.github.com');
  for (const url of [backend['identity_url'], backend['gateway_url'], backend['base_url']]) {
    if (url && backend['name'] !== 'github') sources.push(new URL(url).origin);
  }
  return sources;
}

/** True when the editor should save through the local decap-server. */
export function isLocal(env: CmsEnv, dev: boolean): boolean {
  return dev || Boolean(env.CMS_LOCAL);
}

/** The CMS fields of a declared collection. */
function fieldsOf(schema: CollectionSchema): CmsField[] {
  return schema.fields.map((field) => field.cms);
}

/** A folder collection of Markdown files under content/<name>/. */
function folderCollection(
  name: string,
  label: string,
  labelSingular: string,
  description: string,
  schema: CollectionSchema,
  extra: Record<string, unknown>,
): CmsCollection {
  return {
    name,
    label,
    label_singular: labelSingular,
    description,
    folder: `${CONTENT_ROOT}/${name}`,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    // The file name is the web address, so it is made once from the title and never changes.
    slug: '{{slug}}',
    identifier_field: 'title',
    ...extra,
    fields: [...fieldsOf(schema), BODY],
  };
}

/** Builds the complete Decap CMS configuration. */
export function buildCmsConfig({ lists, env, dev, siteUrl }: CmsConfigOptions): CmsConfig {
  const local = isLocal(env, dev);
  const collections: CmsCollection[] = COLLECTIONS.map((declaration) => {
    const { label, labelSingular, description, extra } = declaration.cms(lists);
    const schema = declaration.schema(lists);
    if (declaration.kind === 'settings') {
      return {
        name: declaration.name,
        label,
        description,
        editor: { preview: false },
        files: [
          {
            name: 'site',
            label: labelSingular,
            file: `${CONTENT_ROOT}/${declaration.name}/site.yaml`,
            format: 'yaml',
            fields: fieldsOf(schema),
          },
        ],
      };
    }
    if (declaration.kind === 'data') {
      return {
        name: declaration.name,
        label,
        label_singular: labelSingular,
        description,
        folder: `${CONTENT_ROOT}/${declaration.name}`,
        extension: 'yaml',
        format: 'yaml',
        create: true,
        // The file name is the id pages use (:helpline[samaritans]), so it is made once from the
        // name and never changes.
        slug: '{{name}}',
        identifier_field: 'name',
        ...extra,
        fields: fieldsOf(schema),
      };
    }
    return folderCollection(declaration.name, label, labelSingular, description, schema, extra);
  });

  return {
    ...(local
      ? { local_backend: { url: `http://127.0.0.1:${env.CMS_LOCAL_PORT || '8081'}/api/v1` } }
      : // Draft → In review → Ready, so a second person can check a change before it goes live.
        { publish_mode: 'editorial_workflow' }),
    backend: backendFromEnv(env),
    // DecapBridge's PKCE sign-in: which claims of its token hold the editor's name and picture,
    // so commits and the workflow show who made each change.
    ...((env.CMS_BACKEND || 'github') === 'decapbridge'
      ? {
          auth: {
            email_claim: 'email',
            first_name_claim: 'first_name',
            last_name_claim: 'last_name',
            avatar_url_claim: 'avatar_url',
          },
        }
      : {}),
    site_url: siteUrl,
    display_url: siteUrl,
    locale: 'en',
    // Required by Decap; only news has pictures, and it keeps them beside the posts instead.
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}
