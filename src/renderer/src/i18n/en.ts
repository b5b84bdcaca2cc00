/**
 * The English message catalogue. Components never hold user-visible strings of their own.
 * Each feature keeps its messages in its own file under ./en/ (so features can grow in parallel);
 * keys are prefixed by feature and must be unique across files. Messages are ICU MessageFormat:
 * `{name}`, `{count, plural, one {…} other {…}}` (# is the count), `{kind, select, …}`. Every
 * other language has the same files under ./<lang>/, typed against these, so a key missing in
 * any language fails the typecheck (docs/architecture.md, “Languages and messages”).
 */
import { app } from './en/app'
import { common } from './en/common'
import { home } from './en/home'
import { personas } from './en/personas'
import { versions } from './en/versions'
import { board } from './en/board'
import { editor } from './en/editor'
import { exchange } from './en/exchange'
import { files } from './en/files'
import { interaction } from './en/interaction'
import { workshop } from './en/workshop'
import { live } from './en/live'
import { settings } from './en/settings'
import { room } from './en/room'
import { metrics } from './en/metrics'

export const en = {
  ...app,
  ...common,
  ...home,
  ...personas,
  ...versions,
  ...board,
  ...editor,
  ...exchange,
  ...files,
  ...interaction,
  ...workshop,
  ...live,
  ...settings,
  ...room,
  ...metrics
} as const

export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>
