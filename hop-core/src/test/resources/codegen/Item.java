package com.example.db.shop;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * What the shop sells.
 *
 * <p>Rows of the table {@code shop.item}, through plain JDBC.
 *
 * <p>hop regenerates the members marked {@code @Generated("hop")}; everything else in this file is yours and kept as written.
 */
public final class Item {

    /**
     * The table {@code shop.item} as an SQL name: What the shop sells.
     */
    @Generated("hop")
    public static final String RELATION = "\"shop\".\"item\"";

    /**
     * Column {@code id}, {@code integer NOT NULL}, default {@code nextval('shop.item_id_seq'::regclass)}.
     */
    @Generated("hop")
    public static final String ID = "id";

    /**
     * Column {@code name}, {@code text NOT NULL}: Shown to &lt;customers&gt; &amp; staff.
     */
    @Generated("hop")
    public static final String NAME = "name";

    /**
     * Column {@code price}, {@code numeric(10,2)}.
     */
    @Generated("hop")
    public static final String PRICE = "price";

    /**
     * Column {@code tags}, {@code text[]}.
     */
    @Generated("hop")
    public static final String TAGS = "tags";

    /**
     * The column names, in table order.
     */
    @Generated("hop")
    public static final List<String> COLUMNS = List.of(ID, NAME, PRICE, TAGS);

    /**
     * One row of {@code shop.item}.
     *
     * @param id Column {@code id}, {@code integer NOT NULL}, default {@code nextval('shop.item_id_seq'::regclass)}.
     * @param name Column {@code name}, {@code text NOT NULL}: Shown to &lt;customers&gt; &amp; staff.
     * @param price Column {@code price}, {@code numeric(10,2)}.
     * @param tags Column {@code tags}, {@code text[]}.
     */
    @Generated("hop")
    public record Row(Integer id, String name, BigDecimal price, List<String> tags) {
    }

    /**
     * Selects every column, in table order.
     */
    @Generated("hop")
    private static final String SELECT = "SELECT \"id\", \"name\", \"price\", \"tags\" FROM " + RELATION;

    /**
     * The quoted column names, in table order.
     */
    @Generated("hop")
    private static final String[] SQL_COLUMNS = { "\"id\"", "\"name\"", "\"price\"", "\"tags\"" };

    /**
     * The parameter placeholder of each column, in table order.
     */
    @Generated("hop")
    private static final String[] PLACEHOLDERS = { "?", "?", "?", "CAST(? AS text[])" };

    /**
     * Inserts {@code row} into {@code shop.item} and returns the row as stored.
     * A null component is left out of the {@code INSERT}, so its column gets its default (NULL when it has none).
     */
    @Generated("hop")
    public static Row insert(Connection connection, Row row) throws SQLException {
        Object[] values = jdbcValues(connection, row);
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner placeholders = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>();
        for (int index = 0; index < values.length; index++) {
            if (values[index] != null) {
                columns.add(SQL_COLUMNS[index]);
                placeholders.add(PLACEHOLDERS[index]);
                parameters.add(values[index]);
            }
        }
        String into = parameters.isEmpty() ? " DEFAULT VALUES" : " (" + columns + ") VALUES (" + placeholders + ")";
        return query(connection, "INSERT INTO " + RELATION + into + " RETURNING \"id\", \"name\", \"price\", \"tags\"", parameters.toArray()).get(0);
    }

    /**
     * The row of {@code shop.item} with this primary key, if there is one.
     */
    @Generated("hop")
    public static Optional<Row> find(Connection connection, Integer id) throws SQLException {
        List<Row> rows = query(connection, SELECT + " WHERE \"id\" = ?", new Object[] { id });
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Sets every other column of the row of {@code shop.item} with {@code row}'s primary key to {@code row}'s values (null meaning NULL); false when there is no such row.
     */
    @Generated("hop")
    public static boolean update(Connection connection, Row row) throws SQLException {
        Object[] values = jdbcValues(connection, row);
        return execute(connection, "UPDATE " + RELATION + " SET \"name\" = ?, \"price\" = ?, \"tags\" = CAST(? AS text[]) WHERE \"id\" = ?", new Object[] { values[1], values[2], values[3], values[0] }) > 0;
    }

    /**
     * Deletes the row of {@code shop.item} with this primary key; false when there is none.
     */
    @Generated("hop")
    public static boolean delete(Connection connection, Integer id) throws SQLException {
        return execute(connection, "DELETE FROM " + RELATION + " WHERE \"id\" = ?", new Object[] { id }) > 0;
    }

    /**
     * The values JDBC binds for {@code row}'s components, in table order.
     */
    @Generated("hop")
    private static Object[] jdbcValues(Connection connection, Row row) throws SQLException {
        return new Object[] { row.id(), row.name(), row.price(), row.tags() == null ? null : connection.createArrayOf("text", row.tags().stream().map(element -> element == null ? null : String.valueOf(element)).toArray()) };
    }

    /**
     * The rows of {@code shop.item} that match {@code where}.
     *
     * @param where an SQL condition, with {@code ?} for each parameter; null or blank selects every row; it may end with {@code ORDER BY}
     * @param parameters the values of the {@code ?}, in order, as JDBC binds them (an enum as its label)
     */
    @Generated("hop")
    public static List<Row> select(Connection connection, String where, Object... parameters) throws SQLException {
        return query(connection, where == null || where.isBlank() ? SELECT : SELECT + " WHERE " + where, parameters);
    }

    /**
     * Runs {@code sql} with {@code parameters} and reads every row it returns.
     */
    @Generated("hop")
    private static List<Row> query(Connection connection, String sql, Object[] parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet resultSet = statement.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (resultSet.next()) {
                    rows.add(read(resultSet));
                }
                return rows;
            }
        }
    }

    /**
     * Runs {@code sql} with {@code parameters} and returns how many rows it changed.
     */
    @Generated("hop")
    private static int execute(Connection connection, String sql, Object[] parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * Binds {@code parameters} to the statement's placeholders, in order.
     */
    @Generated("hop")
    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int index = 0; index < parameters.length; index++) {
            statement.setObject(index + 1, parameters[index]);
        }
    }

    /**
     * Reads the current row of {@code resultSet}, whose columns are in table order.
     */
    @Generated("hop")
    private static Row read(ResultSet resultSet) throws SQLException {
        return new Row(resultSet.getObject(1, Integer.class), resultSet.getString(2), resultSet.getObject(3, BigDecimal.class), list(resultSet.getArray(4), element -> (String) element));
    }

    /**
     * The elements of a JDBC array, each converted by {@code element} (nulls stay null), or null for a NULL array.
     */
    @Generated("hop")
    private static <T> List<T> list(Array array, Function<Object, T> element) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            List<T> values = new ArrayList<>();
            for (Object value : (Object[]) array.getArray()) {
                values.add(value == null ? null : element.apply(value));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }
}
