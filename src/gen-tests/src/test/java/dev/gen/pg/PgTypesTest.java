package dev.gen.pg;

import dev.gen.postgres.PgTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.ColumnType;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mapping of {@link PgTypes} checked against PostgreSQL's own {@code format_type}: the server is the oracle. */
class PgTypesTest {

    private static TestDatabase database;
    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        database = TestDatabase.create("pgtypes");
        connection = database.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
        database.close();
    }

    static Stream<Arguments> mappings() {
        return Stream.of(
                Arguments.of("varchar(255)", "character varying(255)"),
                Arguments.of("VARCHAR( 10 )", "character varying(10)"),
                Arguments.of("varchar", "character varying"),
                Arguments.of("character varying(40)", "character varying(40)"),
                Arguments.of("char(3)", "character(3)"),
                Arguments.of("char", "character(1)"),
                Arguments.of("character", "character(1)"),
                Arguments.of("character(7)", "character(7)"),
                Arguments.of("int", "integer"),
                Arguments.of("int4", "integer"),
                Arguments.of("integer", "integer"),
                Arguments.of("INTEGER", "integer"),
                Arguments.of("int8", "bigint"),
                Arguments.of("bigint", "bigint"),
                Arguments.of("int2", "smallint"),
                Arguments.of("smallint", "smallint"),
                Arguments.of("float(53)", "double precision"),
                Arguments.of("float(25)", "double precision"),
                Arguments.of("float", "double precision"),
                Arguments.of("float8", "double precision"),
                Arguments.of("double precision", "double precision"),
                Arguments.of("double   precision", "double precision"),
                Arguments.of("float(24)", "real"),
                Arguments.of("float(1)", "real"),
                Arguments.of("float4", "real"),
                Arguments.of("real", "real"),
                Arguments.of("numeric(10,2)", "numeric(10,2)"),
                Arguments.of("numeric(38, 0)", "numeric(38,0)"),
                Arguments.of("numeric(5)", "numeric(5,0)"),
                Arguments.of("numeric", "numeric"),
                Arguments.of("decimal", "numeric"),
                Arguments.of("decimal(19,4)", "numeric(19,4)"),
                Arguments.of("boolean", "boolean"),
                Arguments.of("bool", "boolean"),
                Arguments.of("timestamp(6)", "timestamp(6) without time zone"),
                Arguments.of("timestamp(0)", "timestamp(0) without time zone"),
                Arguments.of("timestamp(9)", "timestamp(6) without time zone"),
                Arguments.of("timestamp", "timestamp without time zone"),
                Arguments.of("timestamp without time zone", "timestamp without time zone"),
                Arguments.of("timestamp(6) with time zone", "timestamp(6) with time zone"),
                Arguments.of("TIMESTAMP (3)  WITH TIME ZONE", "timestamp(3) with time zone"),
                Arguments.of("timestamp with time zone", "timestamp with time zone"),
                Arguments.of("timestamptz(3)", "timestamp(3) with time zone"),
                Arguments.of("timestamptz", "timestamp with time zone"),
                Arguments.of("time(6)", "time(6) without time zone"),
                Arguments.of("time", "time without time zone"),
                Arguments.of("time(6) with time zone", "time(6) with time zone"),
                Arguments.of("timetz", "time with time zone"),
                Arguments.of("timetz(2)", "time(2) with time zone"),
                Arguments.of("date", "date"),
                Arguments.of("bytea", "bytea"),
                Arguments.of("text", "text"),
                Arguments.of("uuid", "uuid"),
                Arguments.of("json", "json"),
                Arguments.of("jsonb", "jsonb"),
                Arguments.of("xml", "xml"),
                Arguments.of("oid", "oid"),
                Arguments.of("inet", "inet"),
                Arguments.of("cidr", "cidr"),
                Arguments.of("macaddr", "macaddr"),
                Arguments.of("money", "money"),
                Arguments.of("tsvector", "tsvector"),
                Arguments.of("tsquery", "tsquery"),
                Arguments.of("bit", "bit(1)"),
                Arguments.of("bit(8)", "bit(8)"),
                Arguments.of("varbit", "bit varying"),
                Arguments.of("varbit(5)", "bit varying(5)"),
                Arguments.of("bit varying(5)", "bit varying(5)"),
                Arguments.of("interval", "interval"),
                Arguments.of("interval(3)", "interval(3)"),
                Arguments.of("interval second(6)", "interval second(6)"),
                Arguments.of("interval second", "interval second"),
                Arguments.of("interval day to second(3)", "interval day to second(3)"),
                Arguments.of("interval year to month", "interval year to month"),
                Arguments.of("interval minute to second (2)", "interval minute to second(2)"),
                Arguments.of("varchar(255) array", "character varying(255)[]"),
                Arguments.of("integer array", "integer[]"),
                Arguments.of("integer ARRAY[4]", "integer[]"),
                Arguments.of("int[]", "integer[]"),
                Arguments.of("int[][]", "integer[]"),
                Arguments.of("int[3]", "integer[]"),
                Arguments.of("timestamp(6) with time zone array", "timestamp(6) with time zone[]"),
                Arguments.of("float(53)[]", "double precision[]"),
                Arguments.of("uuid []", "uuid[]"),
                Arguments.of("numeric(10,2) array", "numeric(10,2)[]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("mappings")
    void mapsLikePostgres(String input, String expected) throws SQLException {
        assertEquals(expected, formatType(input), "PostgreSQL's own reading of " + input);
        assertEquals(Optional.of(expected), PgTypes.canonical(input));
        assertEquals(Optional.of(expected), PgTypes.canonical(expected), "canonical is idempotent");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mappings")
    void shortNameRoundTrips(String input, String canonical) throws SQLException {
        String shortName = PgTypes.shortName(ColumnType.of(canonical));
        assertEquals(canonical, formatType(shortName), "PostgreSQL reads " + shortName + " back");
        assertEquals(Optional.of(canonical), PgTypes.canonical(shortName));
        assertTrue(shortName.length() <= canonical.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "status", "public.status", "\"char\"", "serial", "varchar(10) not null", "integer default 0",
            "geometry", "int(5)", "varchar(0)", "float(54)", "interval day(3)", "timestamptz with time zone",
            "numeric(1,2,3)", "interval_kind", "", "varchar(99999999999)"})
    void leavesUnknownTextToPostgres(String input) {
        assertEquals(Optional.empty(), PgTypes.canonical(input));
    }

    @org.junit.jupiter.api.Test
    void shortNames() {
        assertEquals("varchar(255)", PgTypes.shortName(ColumnType.of("character varying(255)")));
        assertEquals("varchar", PgTypes.shortName(ColumnType.of("character varying")));
        assertEquals("char(1)", PgTypes.shortName(ColumnType.of("character(1)")));
        assertEquals("timestamp(6)", PgTypes.shortName(ColumnType.of("timestamp(6) without time zone")));
        assertEquals("timestamp(6) with time zone", PgTypes.shortName(ColumnType.of("timestamp(6) with time zone")));
        assertEquals("time", PgTypes.shortName(ColumnType.of("time without time zone")));
        assertEquals("varchar(20)[]", PgTypes.shortName(ColumnType.of("character varying(20)[]")));
        assertEquals("double precision", PgTypes.shortName(ColumnType.of("double precision")));
        assertEquals("\"Status\"", PgTypes.shortName(ColumnType.of("\"Status\"")));
        assertEquals("public.status", PgTypes.shortName(ColumnType.of("public.status")));
    }

    /** What PostgreSQL makes of a type: a column of a throw-away table, read back with format_type. */
    private static String formatType(String type) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE oracle (x " + type + ")");
            try (ResultSet rs = s.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'pg_temp.oracle'::regclass AND attname = 'x'")) {
                rs.next();
                return rs.getString(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
