/** The Thai catalogue: one file per feature under ./th/, each typed against its English file. */
import type { Catalogue } from './en'
import { app } from './th/app'
import { common } from './th/common'
import { home } from './th/home'
import { personas } from './th/personas'
import { versions } from './th/versions'
import { board } from './th/board'
import { editor } from './th/editor'
import { exchange } from './th/exchange'
import { files } from './th/files'
import { interaction } from './th/interaction'
import { workshop } from './th/workshop'
import { live } from './th/live'
import { settings } from './th/settings'
import { room } from './th/room'
import { metrics } from './th/metrics'

export const th: Catalogue = {
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
