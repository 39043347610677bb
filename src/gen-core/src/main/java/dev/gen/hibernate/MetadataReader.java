package dev.gen.hibernate;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Selectable;

/**
 * Reads Hibernate's relational model (what its schema export would create) into gen's {@link Schema}.
 * It follows the rules of Hibernate's own exporters for PostgreSQL, so that a database built by gen and one
 * built by Hibernate's export hold the same objects, down to the names PostgreSQL chooses for unnamed ones.
 */
final class MetadataReader {

    private static final Pattern CREATE_ENUM =
            Pattern.compile("(?is)\\s*create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*");
    private static final Pattern CREATE_CAST = Pattern.compile("(?is)\\s*create\\s+cast\\s*\\(.*");

    private final Metadata metadata;
    private final Database database;
    private final Dialect dialect;
    private final IdentifierHelper identifiers;
    private final String defaultSchema;
    private final SqlStringGenerationContext sqlContext;

    /** Names of the composite and array types (@Struct) the mapping declares, lower case; gen refuses them. */
    private final Set<String> userDefinedTypes = new TreeSet<>();

    MetadataReader(Metadata metadata, TargetSettings settings) {
        this.metadata = metadata;
        this.database = metadata.getDatabase();
        this.dialect = database.getDialect();
        this.identifiers = database.getJdbcEnvironment().getIdentifierHelper();
        String hibernateDefault = settings.hibernateProperties().get("hibernate.default_schema");
        this.defaultSchema = hibernateDefault != null && !hibernateDefault.isBlank()
                ? Names.physical(identifiers.toIdentifier(hibernateDefault.trim()))
                : settings.defaultSchema();
        this.sqlContext = SqlStringGenerationContextImpl.fromExplicit(
                database.getJdbcEnvironment(), database, null, defaultSchema);
    }

    TargetModel read() {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Map<QualifiedName, List<String>> initStatements = new HashMap<>();
        Set<String> schemas = new TreeSet<>();
        schemas.add(defaultSchema);
        Map<QualifiedName, String> mappedNames = new HashMap<>();
        for (Namespace namespace : database.getNamespaces()) {
            for (org.hibernate.mapping.UserDefinedType type : namespace.getUserDefinedTypes()) {
                userDefinedTypes.add(type.getName().toLowerCase(Locale.ROOT));
            }
        }
        for (Namespace namespace : database.getNamespaces()) {
            String schema = schemaOf(HibernateApi.schema(namespace.getPhysicalName()));
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                String sequenceSchema = schemaOf(sequence.getName().getSchemaName());
                schemas.add(sequenceSchema);
                sequences.add(new Sequence(
                        QualifiedName.of(sequenceSchema, Names.physical(sequence.getName().getSequenceName())),
                        sequence.getInitialValue(), sequence.getIncrementSize()));
            }
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (!table.isPhysicalTable()) {
                    continue;
                }
                if (table.isView()) {
                    throw new UnsupportedMappingException("Table " + table.getName() + " is mapped as a view;"
                            + " gen does not generate views yet. Manage the view in a hand-written migration"
                            + " (gen migration:create) and exclude it with --exclude-table.");
                }
                Table read = readTable(table, schemaOf(table.getSchemaIdentifier(), schema));
                String earlier = mappedNames.putIfAbsent(read.name(), table.getName());
                if (earlier != null && !earlier.equals(table.getName())) {
                    throw tooLong(read.name(), "tables " + earlier + " and " + table.getName());
                }
                schemas.add(read.name().schema());
                tables.add(read);
                List<String> init = new ArrayList<>();
                for (InitCommand command : table.getInitCommands(sqlContext)) {
                    init.addAll(HibernateApi.initCommands(command));
                }
                if (!init.isEmpty()) {
                    initStatements.put(read.name(), init);
                }
            }
        }
        if (!userDefinedTypes.isEmpty()) {
            // a type no column of a physical table uses (the columns that use one are refused by readColumn)
            throw new UnsupportedMappingException("The mapping declares the user-defined type(s) " + userDefinedTypes
                    + " (@Struct or a struct array), which gen cannot yet turn into a migration. Create the type in a"
                    + " hand-written migration (gen migration:create).");
        }
        List<EnumType> enumTypes = readEnumTypes();
        checkRelationNames(tables, sequences);
        Schema schema = Schema.of(schemas, tables, sequences, enumTypes);
        return new TargetModel(schema, new OriginReader(metadata, this::tableName).read(), initStatements);
    }

    QualifiedName tableName(org.hibernate.mapping.Table table) {
        Identifier schema = table.getSchemaIdentifier();
        return QualifiedName.of(schemaOf(schema), Names.physical(table.getNameIdentifier()));
    }

    private String schemaOf(Identifier schema) {
        return schema == null ? defaultSchema : Names.physical(schema);
    }

    private String schemaOf(Identifier schema, String fallback) {
        return schema == null ? fallback : Names.physical(schema);
    }

    private Table readTable(org.hibernate.mapping.Table table, String schema) {
        QualifiedName name = QualifiedName.of(schema, Names.physical(table.getNameIdentifier()));
        String options = HibernateApi.options(table);
        if (options != null && !options.isBlank()) {
            throw unsupported(name, "table options '" + options + "'");
        }
        Set<String> primaryKeyColumns = new LinkedHashSet<>();
        PrimaryKey primaryKey = null;
        if (table.hasPrimaryKey()) {
            for (org.hibernate.mapping.Column column : table.getPrimaryKey().getColumns()) {
                primaryKeyColumns.add(columnName(column));
            }
            primaryKey = new PrimaryKey(null, List.copyOf(primaryKeyColumns));
        }

        List<Column> columns = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<UniqueKey> uniqueKeys = new ArrayList<>();
        Map<String, String> mappedColumns = new HashMap<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = columnName(column);
            String earlier = mappedColumns.putIfAbsent(columnName, column.getName());
            if (earlier != null && !earlier.equals(column.getName())) {
                throw tooLong(name, "columns " + earlier + " and " + column.getName() + " of table " + name);
            }
            columns.add(readColumn(name, column, primaryKeyColumns.contains(columnName)));
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                uniqueKeys.add(new UniqueKey(null, List.of(columnName)));
            }
            checks.addAll(columnChecks(column, columnName));
        }
        for (CheckConstraint check : table.getChecks()) {
            checks.add(new Check(check.isNamed() ? Names.physical(check.getName()) : null, check.getConstraint(), null));
        }
        for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
            if (isInlineSingleColumnUnique(table, key)) {
                continue;
            }
            List<String> keyColumns = key.getColumns().stream().map(this::columnName).toList();
            uniqueKeys.add(new UniqueKey(key.isNameExplicit() ? Names.physical(key.getName()) : null, keyColumns));
        }
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            indexes.add(readIndex(name, index));
        }
        indexes.sort(Comparator.comparing(Index::name));
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : HibernateApi.foreignKeys(table)) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            foreignKeys.add(readForeignKey(name, key));
        }
        foreignKeys.sort(Comparator.comparing(ForeignKey::name));
        return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, table.getComment());
    }

    private Column readColumn(QualifiedName table, org.hibernate.mapping.Column column, boolean inPrimaryKey) {
        if (column.getGeneratedAs() != null) {
            throw unsupported(table, "the generated column " + column.getName() + " (generated always as "
                    + column.getGeneratedAs() + ")");
        }
        if (column.getCollation() != null) {
            throw unsupported(table, "the collation " + column.getCollation() + " of column " + column.getName());
        }
        Identity identity = null;
        if (column.isIdentity()) {
            String clause = dialect.getIdentityColumnSupport().getIdentityColumnString(HibernateApi.sqlTypeCode(column, metadata));
            identity = clause.toLowerCase(Locale.ROOT).contains("always") ? Identity.ALWAYS : Identity.BY_DEFAULT;
        }
        String type = HibernateApi.sqlType(column, metadata);
        String baseType = type.toLowerCase(Locale.ROOT).replace("[]", "").replace("\"", "").trim();
        if (userDefinedTypes.contains(baseType) || userDefinedTypes.contains(baseType.substring(baseType.lastIndexOf('.') + 1))) {
            throw unsupported(table, "the user-defined composite type " + type + " (@Struct) of column "
                    + column.getName());
        }
        boolean nullable = column.isNullable() && !inPrimaryKey && identity == null;
        String defaultValue = identity == null ? column.getDefaultValue() : null;
        return new Column(columnName(column), ColumnType.of(type), nullable, defaultValue, identity, column.getComment());
    }

    /** Hibernate writes anonymous column checks as one {@code check (a and b)}; PostgreSQL names it after the column. */
    private List<Check> columnChecks(org.hibernate.mapping.Column column, String columnName) {
        List<Check> checks = new ArrayList<>();
        List<CheckConstraint> anonymous = column.getCheckConstraints().stream().filter(CheckConstraint::isAnonymous).toList();
        if (anonymous.size() == 1) {
            checks.add(new Check(null, anonymous.get(0).getConstraint(), columnName));
        } else if (anonymous.size() > 1) {
            String combined = String.join(" and ", anonymous.stream().map(CheckConstraint::getConstraintInParens).toList());
            checks.add(new Check(null, combined, columnName));
        }
        for (CheckConstraint check : column.getCheckConstraints()) {
            if (check.isNamed()) {
                checks.add(new Check(Names.physical(check.getName()), check.getConstraint(), columnName));
            }
        }
        return checks;
    }

    private static boolean isInlineSingleColumnUnique(org.hibernate.mapping.Table table, org.hibernate.mapping.UniqueKey key) {
        if (key.getColumns().size() != 1) {
            return false;
        }
        org.hibernate.mapping.Column keyColumn = key.getColumn(0);
        if (keyColumn.isUnique()) {
            return true;
        }
        org.hibernate.mapping.Column column = table.getColumn(keyColumn);
        return column != null && column.isUnique();
    }

    private Index readIndex(QualifiedName table, org.hibernate.mapping.Index index) {
        String options = HibernateApi.options(index);
        if (options != null && !options.isBlank()) {
            throw unsupported(table, "the options '" + options + "' of index " + index.getName());
        }
        List<IndexKey> keys = new ArrayList<>();
        Map<Selectable, String> order = index.getSelectableOrderMap();
        for (Selectable selectable : index.getSelectables()) {
            String direction = order.get(selectable);
            boolean descending = direction != null && direction.trim().toLowerCase(Locale.ROOT).startsWith("desc");
            if (direction != null && direction.toLowerCase(Locale.ROOT).contains("nulls")) {
                throw unsupported(table, "the NULLS ordering '" + direction + "' of index " + index.getName());
            }
            if (selectable instanceof org.hibernate.mapping.Column column) {
                keys.add(new IndexKey(columnName(column), descending, false));
            } else {
                keys.add(new IndexKey(selectable.getText(dialect), descending, true));
            }
        }
        // Hibernate's StandardIndexExporter writes the bare name text, never quoted (PostgreSQL does not qualify
        // index names), even with globally quoted identifiers or a quoted name: PostgreSQL folds it to lower case.
        String name = Names.truncated(index.getName().toLowerCase(Locale.ROOT));
        return new Index(name, keys, index.isUnique(), "btree", null);
    }

    private ForeignKey readForeignKey(QualifiedName table, org.hibernate.mapping.ForeignKey key) {
        if (key.getKeyDefinition() != null) {
            throw unsupported(table, "the foreign key definition '" + key.getKeyDefinition() + "' of "
                    + key.getName());
        }
        String options = HibernateApi.options(key);
        if (options != null && !options.isBlank()) {
            throw unsupported(table, "the options '" + options + "' of foreign key " + key.getName());
        }
        List<String> columns = key.getColumns().stream().map(this::columnName).toList();
        List<org.hibernate.mapping.Column> targets = key.isReferenceToPrimaryKey()
                ? key.getReferencedTable().getPrimaryKey().getColumns()
                : key.getReferencedColumns();
        List<String> referenced = targets.stream().map(this::columnName).toList();
        OnDeleteAction action = key.getOnDeleteAction();
        String onDelete = action == null ? ForeignKey.NO_ACTION : action.toSqlString().toUpperCase(Locale.ROOT);
        String name = Names.physical(identifiers.toIdentifier(key.getName()));
        return new ForeignKey(name, columns, tableName(key.getReferencedTable()), referenced, onDelete);
    }

    /** Named PostgreSQL enum types ({@code SqlTypes.NAMED_ENUM}) reach the metadata as auxiliary objects. */
    private List<EnumType> readEnumTypes() {
        List<EnumType> types = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            for (String statement : object.sqlCreateStrings(sqlContext)) {
                Matcher matcher = CREATE_ENUM.matcher(statement);
                if (matcher.matches()) {
                    types.add(new EnumType(QualifiedName.of(defaultSchema, Names.physical(matcher.group(1))),
                            parseLabels(matcher.group(2))));
                } else if (!CREATE_CAST.matcher(statement).matches()) {
                    throw new UnsupportedMappingException("The mapping declares the auxiliary database object '"
                            + statement + "', which gen cannot diff. Create it in a hand-written migration"
                            + " (gen migration:create).");
                }
            }
        }
        return types;
    }

    private static List<String> parseLabels(String list) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = Pattern.compile("'((?:[^']|'')*)'").matcher(list);
        while (matcher.find()) {
            labels.add(matcher.group(1).replace("''", "'"));
        }
        return labels;
    }

    /** " (entity com.x.Order)" for the messages a developer acts on, or nothing for a table no entity owns. */
    private String entitiesOf(QualifiedName table) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (org.hibernate.mapping.PersistentClass entity : metadata.getEntityBindings()) {
            for (org.hibernate.mapping.Table mapped : entity.getTableClosure()) {
                if (tableName(mapped).equals(table)) {
                    names.add(entity.getClassName());
                }
            }
        }
        return names.isEmpty() ? "" : " (entity " + String.join(", ", names) + ")";
    }

    String columnName(org.hibernate.mapping.Column column) {
        return Names.physical(column.getName(), column.isQuoted());
    }

    /**
     * Tables, sequences and indexes share one namespace per schema in PostgreSQL. Two of them with one name (often
     * after the 63-byte cut: a long table name and its {@code <table>_seq}) would make the migration fail, and
     * Hibernate's own export as well; say so before writing anything.
     */
    private static void checkRelationNames(List<Table> tables, List<Sequence> sequences) {
        Map<QualifiedName, String> seen = new HashMap<>();
        java.util.function.BiConsumer<QualifiedName, String> claim = (name, what) -> {
            String other = seen.putIfAbsent(name, what);
            if (other != null && !other.equals(what)) {
                throw new UnsupportedMappingException("The mapping has " + other + " and " + what + " both named "
                        + name + " (after PostgreSQL cuts names to " + dev.gen.model.Identifiers.MAX_BYTES + " bytes), but"
                        + " tables, sequences and indexes share one namespace per schema, so the migration would fail."
                        + " Give one of them another name (@Table, @SequenceGenerator(sequenceName), @Index(name)).");
            }
        };
        for (Table table : tables) {
            claim.accept(table.name(), "table " + table.name());
            for (Index index : table.indexes()) {
                claim.accept(QualifiedName.of(table.name().schema(), index.name()),
                        "index " + index.name() + " of table " + table.name());
            }
        }
        for (Sequence sequence : sequences) {
            claim.accept(sequence.name(), "sequence " + sequence.name());
        }
    }

    /** Two names that differ only after PostgreSQL's 63 bytes are one name in the database. */
    private static UnsupportedMappingException tooLong(QualifiedName name, String what) {
        return new UnsupportedMappingException("The mapping has " + what + ", which PostgreSQL cuts to the same "
                + dev.gen.model.Identifiers.MAX_BYTES + "-byte name " + name + ". Give one of them a shorter name"
                + " (@Table, @JoinTable, @CollectionTable or @Column).");
    }

    private UnsupportedMappingException unsupported(QualifiedName table, String what) {
        return new UnsupportedMappingException("The mapping of table " + table + entitiesOf(table) + " uses " + what
                + ", which gen cannot yet turn into a migration. Write that part by hand in a migration"
                + " (gen migration:create) or leave the table to another tool with --exclude-table.");
    }
}
