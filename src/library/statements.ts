import type Database from 'better-sqlite3'

export type Statement = Database.Statement<unknown[], unknown>

/**
 * Prepared statements, compiled once per connection on first use. Preparing costs more than
 * running a small statement, so every repository goes through this cache.
 */
export class Statements {
  private readonly cache = new Map<string, Statement>()

  constructor(readonly db: Database.Database) {}

  get(sql: string): Statement {
    let statement = this.cache.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.cache.set(sql, statement)
    }
    return statement
  }
}
