// The issue-16 variables: database, instance, metrics, Slack installs.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'sec', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 'sign' };

describe('configuration for several instances', () => {
  it('GIVEN nothing THEN SQLite, no metrics endpoint, a 10 s shutdown grace, no shared post budget', () => {
    expect(loadConfig({}).scale).toEqual({ databaseUrl: null, instanceId: null, metricsPort: null, shutdownGraceMs: 10_000, postsPerSecond: null, discordShards: null, slackOAuth: null });
  });

  it.each([
    ['20', 20],
    ['0.5', 0.5],
  ])('GIVEN POSTS_PER_SECOND=%s THEN all instances share a budget of %s posts per second per token', (v, n) => {
    expect(loadConfig({ POSTS_PER_SECOND: v }).scale.postsPerSecond).toBe(n);
  });

  it.each(['0', '-1', 'fast'])('GIVEN POSTS_PER_SECOND=%s THEN the configuration is refused naming it', (v) => {
    expect(() => loadConfig({ POSTS_PER_SECOND: v })).toThrow(/POSTS_PER_SECOND/);
  });

  it('GIVEN DATABASE_URL, INSTANCE_ID and METRICS_PORT THEN they are used as given', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/nb', INSTANCE_ID: 'web-1', METRICS_PORT: '9464' });
    expect(c.scale).toMatchObject({ databaseUrl: 'postgres://u@db:5432/nb', instanceId: 'web-1', metricsPort: 9464 });
  });

  it('GIVEN the three Slack install variables and a signing secret THEN Slack runs without SLACK_BOT_TOKEN', () => {
    const c = loadConfig(oauth);
    expect(c.slack).toMatchObject({ botToken: null, oauth: { clientId: '1.2', clientSecret: 'sec', stateSecret: 'state' } });
  });

  it('GIVEN installs and SLACK_BOT_TOKEN THEN both are kept (the token is one more workspace)', () => {
    expect(loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toMatchObject({ botToken: 'xoxb-1', oauth: { clientId: '1.2' } });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a postgres:\/\//],
    [{ INSTANCE_ID: 'has space' }, /INSTANCE_ID/],
    [{ METRICS_PORT: 'x' }, /METRICS_PORT: must be a port number/],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' }, /SLACK_CLIENT_SECRET: .*missing: SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/],
    [{ ...oauth, SLACK_SIGNING_SECRET: '' }, /SLACK_SIGNING_SECRET: is required for Slack installs/],
  ])('GIVEN %o THEN the error names the variable', (env, err) => {
    expect(() => loadConfig(env)).toThrow(err);
  });
});
