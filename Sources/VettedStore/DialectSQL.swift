import FluentKit
import SQLKit

extension Database {
    /// The SQLKit view of a Fluent database. Both drivers Vetted uses provide one.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Vetted runs on SQL databases only (SQLite, PostgreSQL)")
        }
        return sql
    }
}

/// The SQL that only one database understands, kept in one place.
public enum DialectSQL {
    public static func isPostgres(_ sql: any SQLDatabase) -> Bool {
        sql.dialect.name == "postgresql"
    }

    /// Makes the database itself refuse UPDATE and DELETE on a table: the audit log stays
    /// append-only even against a bug in the application.
    static func makeAppendOnly(table: String, on sql: any SQLDatabase) async throws {
        if isPostgres(sql) {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION vetted_refuse_change() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION vetted_refuse_change()").run()
        } else {
            for verb in ["UPDATE", "DELETE"] {
                try await sql.raw("CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: verb.lowercased()) BEFORE \(unsafeRaw: verb) ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END").run()
            }
        }
    }

    static func dropAppendOnly(table: String, on sql: any SQLDatabase) async throws {
        if isPostgres(sql) {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_delete").run()
        }
    }

    /// An online, consistent copy of the whole SQLite database into a new file.
    public static func sqliteBackup(into path: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }
}
