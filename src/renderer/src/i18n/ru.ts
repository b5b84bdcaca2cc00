/** The Russian catalogue: one file per feature under ./ru/, each typed against its English file. */
import type { Catalogue } from './en'
import { app } from './ru/app'
import { common } from './ru/common'
import { home } from './ru/home'
import { personas } from './ru/personas'
import { versions } from './ru/versions'
import { board } from './ru/board'
import { editor } from './ru/editor'
import { exchange } from './ru/exchange'
import { files } from './ru/files'
import { interaction } from './ru/interaction'
import { workshop } from './ru/workshop'
import { live } from './ru/live'
import { settings } from './ru/settings'
import { room } from './ru/room'
import { metrics } from './ru/metrics'

export const ru: Catalogue = {
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
