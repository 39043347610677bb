package dev.gen.pg;

import static dev.gen.pg.Sql.ident;
import static dev.gen.pg.Sql.literal;

import dev.gen.model.EnumType;
import dev.gen.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SQL for PostgreSQL enum types, which cannot lose or reorder labels in place. */
public final class EnumTypeSql {

    private EnumTypeSql() {
    }

    /**
     * PostgreSQL cannot drop or reorder enum labels, so the type is rebuilt under a temporary name and every
     * column that uses it is converted through text; a row holding a removed label makes the cast fail and the
     * migration roll back rather than lose the value.
     */
    static List<String> replaceEnumType(EnumType type) {
        String old = type.name().name() + "__gen_old";
        QualifiedName oldName = QualifiedName.of(type.name().schema(), old);
        String convert = "DO " + Sql.dollarQuoted("\nDECLARE\n    r record;\nBEGIN\n"
                + "    FOR r IN SELECT n.nspname, c.relname, a.attname FROM pg_attribute a\n"
                + "        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace\n"
                + "        WHERE a.atttypid = " + literal(Sql.ident(oldName)) + "::regtype AND NOT a.attisdropped"
                + " AND c.relkind IN ('r', 'p')\n"
                + "    LOOP\n"
                + "        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s USING %I::text::%s',"
                + " r.nspname, r.relname, r.attname, " + literal(Sql.ident(type.name())) + ", r.attname, "
                + literal(Sql.ident(type.name())) + ");\n"
                + "    END LOOP;\nEND\n");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + ident(type.name()) + " RENAME TO " + ident(old));
        statements.addAll(createEnumType(type));
        statements.add(convert);
        statements.addAll(dropEnumType(oldName));
        return statements;
    }

    /**
     * The casts Hibernate's dialect creates with the type, then the type; never {@code CASCADE}, which would also
     * drop any column still using the type without a word. Such a use makes the migration fail instead.
     */
    static List<String> dropEnumType(QualifiedName name) {
        return List.of("DROP CAST IF EXISTS (varchar AS " + ident(name) + ")",
                "DROP CAST IF EXISTS (" + ident(name) + " AS varchar)",
                "DROP TYPE " + ident(name));
    }

    static List<String> createEnumType(EnumType type) {
        // Hibernate's PostgreSQL dialect creates these implicit casts with every named enum, and binds enum
        // parameters as varchar relying on them.
        return List.of(createType(type),
                "CREATE CAST (varchar AS " + ident(type.name()) + ") WITH INOUT AS IMPLICIT",
                "CREATE CAST (" + ident(type.name()) + " AS varchar) WITH INOUT AS IMPLICIT");
    }

    /** The type alone, without the casts: what the normaliser needs for parsing the desired side's texts. */
    public static String createType(EnumType type) {
        String labels = type.labels().stream().map(Sql::literal).collect(Collectors.joining(", "));
        return "CREATE TYPE " + ident(type.name()) + " AS ENUM (" + labels + ")";
    }
}
