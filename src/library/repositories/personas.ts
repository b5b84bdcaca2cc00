/** Personas live once per library; maps link them by id (maps.persona_ids). */
import type { Persona } from '../../shared/model'
import type { Statements } from '../statements'

export class PersonaRepository {
  constructor(private readonly statements: Statements) {}

  list(): Persona[] {
    const rows = this.statements.get('SELECT data FROM personas ORDER BY name, id').pluck().all() as string[]
    return rows.map((data) => JSON.parse(data) as Persona)
  }

  get(id: string): Persona | undefined {
    const data = this.statements.get('SELECT data FROM personas WHERE id = ?').pluck().get(id) as string | undefined
    return data === undefined ? undefined : (JSON.parse(data) as Persona)
  }

  /** Those of `ids` that exist, in the order given. */
  some(ids: readonly string[]): Persona[] {
    return ids.map((id) => this.get(id)).filter((p): p is Persona => p !== undefined)
  }

  upsert(persona: Persona): void {
    this.statements
      .get(
        `INSERT INTO personas (id, name, data, created_at, updated_at) VALUES (@id, @name, @data, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`
      )
      .run({
        id: persona.id,
        name: persona.name,
        data: JSON.stringify(persona),
        created_at: persona.createdAt,
        updated_at: persona.updatedAt
      })
  }

  delete(id: string): boolean {
    return this.statements.get('DELETE FROM personas WHERE id = ?').run(id).changes > 0
  }
}
