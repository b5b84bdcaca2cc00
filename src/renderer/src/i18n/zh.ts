/** The Chinese (simplified) catalogue: one file per feature under ./zh/, each typed against its English file. */
import type { Catalogue } from './en'
import { app } from './zh/app'
import { common } from './zh/common'
import { home } from './zh/home'
import { personas } from './zh/personas'
import { versions } from './zh/versions'
import { board } from './zh/board'
import { editor } from './zh/editor'
import { exchange } from './zh/exchange'
import { files } from './zh/files'
import { interaction } from './zh/interaction'
import { workshop } from './zh/workshop'
import { live } from './zh/live'
import { settings } from './zh/settings'
import { room } from './zh/room'
import { metrics } from './zh/metrics'

export const zh: Catalogue = {
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
