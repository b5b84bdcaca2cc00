/** The desktop app's file association: which command-line arguments are files to open. */
import { describe, expect, it } from 'vitest'
import { filesInArgs } from '../../src/main/open-args'

describe('filesInArgs', () => {
  it('takes the maps and exports named on a command line, made absolute, and nothing else', () => {
    expect(
      filesInArgs(
        ['--no-sandbox', 'Sign-up.journeymap', '/tmp/Board.PDF', 'notes.txt', '--flag=x.journeymap', 'sub/map.svg'],
        '/home/anna'
      )
    ).toEqual(['/home/anna/Sign-up.journeymap', '/tmp/Board.PDF', '/home/anna/sub/map.svg'])
    expect(filesInArgs([], '/')).toEqual([])
  })
})
