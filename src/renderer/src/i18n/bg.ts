/** The Bulgarian catalogue: one file per feature under ./bg/, each typed against its English file. */
import type { Catalogue } from './en'
import { app } from './bg/app'
import { common } from './bg/common'
import { home } from './bg/home'
import { personas } from './bg/personas'
import { versions } from './bg/versions'
import { board } from './bg/board'
import { editor } from './bg/editor'
import { exchange } from './bg/exchange'
import { files } from './bg/files'
import { interaction } from './bg/interaction'
import { workshop } from './bg/workshop'
import { live } from './bg/live'
import { settings } from './bg/settings'
import { room } from './bg/room'
import { metrics } from './bg/metrics'

export const bg: Catalogue = {
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
}
