// Flat config. The layer rules of docs/architecture.md are enforced here, not by hope.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/library/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**'],
              message: 'src/shared imports nothing of ours outside src/shared.'
            },
            { group: ['node:*', 'fs', 'path', 'os', 'electron', 'better-sqlite3'], message: 'src/shared is pure.' },
            {
              group: ['harfbuzzjs', 'harfbuzzjs/*'],
              message: 'harfbuzzjs loads its wasm itself on import: src/shared takes the bytes (fonts/harfbuzz.ts).'
            }
          ]
        }
      ]
    }
  },
  {
    // The editing engine runs in every process (board, participant page, host, tests): it knows
    // records, commands and patches, never how a map is drawn, exported, analysed or carried.
    files: ['src/shared/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/library/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**'],
              message: 'src/shared imports nothing of ours outside src/shared.'
            },
            { group: ['node:*', 'fs', 'path', 'os', 'electron', 'better-sqlite3'], message: 'src/shared is pure.' },
            {
              group: [
                ...['layout', 'export', 'analysis', 'format', 'api'].flatMap((f) => [`**/${f}`, `**/${f}/**`]),
                'zustand',
                'react'
              ],
              message: 'src/shared/sync is the editing engine: records, commands and patches only.'
            }
          ]
        }
      ]
    }
  },
  {
    // The merge of two copies works on the model alone (and the engine's per-record merge): no
    // drawing, export, analysis or transport code.
    files: ['src/shared/merge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/library/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**'],
              message: 'src/shared imports nothing of ours outside src/shared.'
            },
            { group: ['node:*', 'fs', 'path', 'os', 'electron', 'better-sqlite3'], message: 'src/shared is pure.' },
            {
              group: ['../export/**', '../layout/**', '../analysis/**', '../api/**', '../fonts/**', '../templates/**'],
              message: 'src/shared/merge works on the model (model, schema, commands/core, sync/merge) only.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [
          '**/library/**',
          '**/main/**',
          '**/preload/**',
          '**/web/**',
          '**/cli/**',
          'electron',
          'better-sqlite3',
          'node:*'
        ],
        'The renderer talks only to JourneyApi (src/shared/api).'
      )
    }
  },
  {
    // The renderer's editing room: gestures, keys, menus, clipboard, navigation, find, routes,
    // presentation steps. DOM-free (it runs in Node tests, typechecked by tsconfig.node.json) and
    // free of React and Konva; of the board it may read only the pure hit-testing and camera math.
    files: ['src/renderer/src/editing/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'location', 'history'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/library/**', '**/main/**', '**/preload/**', '**/web/**', '**/cli/**', 'electron', 'node:*'],
              message: 'The renderer talks only to JourneyApi (src/shared/api).'
            },
            {
              group: ['react', 'react-dom', 'react-dom/*', 'react-konva', 'konva', 'konva/*'],
              message:
                'src/renderer/src/editing is DOM-free logic: no React, no Konva (components live in board/, panels/, map/).'
            },
            {
              group: [
                '../board/*',
                '!../board/camera',
                '!../board/scene-index',
                '!../board/interaction',
                '../board/interaction/*',
                '!../board/interaction/geometry',
                '../board/render/*',
                '../panels/*',
                '../map/*',
                '../workshop/*',
                '../home/*',
                '../exchange/*',
                '../versions/*',
                '../personas/*',
                '../analysis/*',
                '../api/*',
                '**/*.tsx'
              ],
              message: 'src/renderer/src/editing may use the store, i18n and the board’s pure geometry only.'
            }
          ]
        }
      ]
    }
  },
  {
    // The board room draws, hit-tests and edits in place; the map screen (map/) assembles it with
    // the panels, menus and workshop overlays, so the board imports none of those rooms.
    files: ['src/renderer/src/board/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/library/**',
                '**/main/**',
                '**/preload/**',
                '**/web/**',
                '**/cli/**',
                'electron',
                'better-sqlite3',
                'node:*'
              ],
              message: 'The renderer talks only to JourneyApi (src/shared/api).'
            },
            {
              group: [
                '**/panels/*',
                '**/map/*',
                '**/workshop/*',
                '**/live/*',
                '**/analysis/*',
                '**/versions/*',
                '**/personas/*',
                '**/exchange/*',
                '**/home/*',
                '**/paths/*',
                '**/metrics/*'
              ],
              message:
                'src/renderer/src/board only draws and hit-tests: panels, menus and workshop overlays are mounted by the map screen (map/MapOverlays.tsx).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/library/**/*.ts'],
    rules: layer(
      ['**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**', 'electron'],
      'The library is used by main, web host and CLI, never the other way round.'
    )
  },
  {
    // The participants' door: used by main and the web host, never the other way round.
    files: ['src/live/**/*.ts'],
    rules: layer(
      ['**/renderer/**', '**/preload/**', '**/main/**', '**/cli/**', 'electron'],
      'src/live is the live session\u2019s host: main and the web host use it, it uses the library.'
    )
  },
  {
    files: ['src/main/**/*.ts', 'src/web/**/*.ts', 'src/cli/**/*.ts'],
    rules: layer(['**/renderer/**', '**/preload/**'], 'Entry points are thin doors onto src/library.')
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer(
      ['**/library/**', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'],
      'The preload exposes the typed API and nothing else.'
    )
  }
)
