package dev.gen.pg;

import dev.gen.postgres.TypeChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen.model.ColumnType;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TypeChanges#castable}: PostgreSQL is the oracle. Where gen says "no cast", the {@code USING col::type}
 * change must fail on an empty table (gen drops and adds the column instead); where it says "castable", it runs.
 */
class TypeChangesCastTest {

    private static TestDatabase database;
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        database = TestDatabase.create("typecast");
        connection = database.connect();
        connection.setAutoCommit(true);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
        database.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "bigint|uuid|false", "uuid|bigint|false", "integer|timestamp(6) without time zone|false",
            "uuid|bytea|false", "bigint|jsonb|false", "date|integer|false", "boolean|uuid|false",
            "integer[]|uuid[]|false", "bigint|bigint[]|false",
            "bigint|character varying(255)|true", "character varying(255)|uuid|true", "text|jsonb|true",
            "jsonb|text|true", "integer|numeric(19,4)|true", "integer|boolean|true", "json|jsonb|true",
            "date|timestamp(6) with time zone|true", "integer[]|character varying(10)[]|true",
            "uuid|text|true", "timestamp(6) without time zone|time(6) without time zone|true"})
    void castableAgreesWithPostgres(String from, String to, boolean castable) throws SQLException {
        assertEquals(castable, TypeChanges.castable(ColumnType.of(from), ColumnType.of(to)));
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists cast_probe");
            statement.execute("create table cast_probe (c " + from + ")");
            boolean ran;
            try {
                statement.execute("alter table cast_probe alter column c type " + to + " using c::" + to);
                ran = true;
            } catch (SQLException e) {
                ran = false;
            }
            assertEquals(castable, ran, "PostgreSQL " + (ran ? "runs" : "rejects") + " the cast");
        }
    }
}
