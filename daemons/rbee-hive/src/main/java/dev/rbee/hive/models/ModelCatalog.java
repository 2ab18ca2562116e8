package dev.rbee.hive.models;

import dev.rbee.contract.hive.Model;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code models.db}. One connection, used under this object's lock: the catalog is small and written
 * only when a download finishes or a model is deleted. A second row for the same (provider, reference, file) is an
 * error, never a silent replace.
 */
public final class ModelCatalog implements AutoCloseable {
    private static final String COLUMNS = "id, model_ref, provider, reference, file, local_path, size_bytes, sha256,"
            + " quantization, architecture, downloaded_at_unix";

    private final Connection db;

    public ModelCatalog(Connection db) {
        this.db = db;
    }

    public static ModelCatalog open(Path dbFile, Path backupsDir) throws SQLException {
        return new ModelCatalog(CatalogDb.open(dbFile, backupsDir));
    }

    /** Newest first; {@code provider} null lists all. */
    public synchronized List<Model> list(String provider) {
        String sql = "SELECT " + COLUMNS + " FROM models" + (provider == null ? "" : " WHERE provider = ?")
                + " ORDER BY downloaded_at_unix DESC, rowid DESC";
        try (PreparedStatement st = db.prepareStatement(sql)) {
            if (provider != null) {
                st.setString(1, provider);
            }
            return rows(st);
        } catch (SQLException e) {
            throw new CatalogException("list", e);
        }
    }

    public synchronized Optional<Model> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM models WHERE id = ?", id);
    }

    public synchronized Optional<Model> bySource(String provider, String reference, String file) {
        return one("SELECT " + COLUMNS + " FROM models WHERE provider = ? AND reference = ? AND file = ?",
                provider, reference, file);
    }

    /** Rows of one hf repo (or one provider/reference), for choosing among downloaded files without the hub. */
    public synchronized List<Model> byReference(String provider, String reference) {
        try (PreparedStatement st = db.prepareStatement("SELECT " + COLUMNS
                + " FROM models WHERE provider = ? AND reference = ? ORDER BY downloaded_at_unix DESC")) {
            st.setString(1, provider);
            st.setString(2, reference);
            return rows(st);
        } catch (SQLException e) {
            throw new CatalogException("lookup", e);
        }
    }

    /**
     * Inserts a row under the file's id, or {@code id-2}, {@code id-3} … when another model already has that id
     * (api.md §1). Returns the row as stored.
     */
    public synchronized Model insert(Model model) {
        String id = freeId(model.id());
        Model row = new Model(id, model.modelRef(), model.provider(), model.reference(), model.file(),
                model.localPath(), model.sizeBytes(), model.sha256(), model.quantization(), model.architecture(),
                model.downloadedAtUnix());
        try (PreparedStatement st = db.prepareStatement("INSERT INTO models (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, row.id());
            st.setString(2, row.modelRef());
            st.setString(3, row.provider());
            st.setString(4, row.reference());
            st.setString(5, row.file());
            st.setString(6, row.localPath());
            st.setLong(7, row.sizeBytes());
            st.setString(8, row.sha256());
            st.setString(9, row.quantization());
            st.setString(10, row.architecture());
            st.setLong(11, row.downloadedAtUnix());
            st.executeUpdate();
            return row;
        } catch (SQLException e) {
            throw new CatalogException("insert " + row.id(), e);
        }
    }

    public synchronized boolean delete(String id) {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM models WHERE id = ?")) {
            st.setString(1, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new CatalogException("delete " + id, e);
        }
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; byId(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Optional<Model> one(String sql, String... args) {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            return rows(st).stream().findFirst();
        } catch (SQLException e) {
            throw new CatalogException("lookup", e);
        }
    }

    private static List<Model> rows(PreparedStatement st) throws SQLException {
        List<Model> models = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                models.add(new Model(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getLong(11)));
            }
        }
        return models;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }

    /** A database failure the hive cannot recover from in the request; mapped to 500 INTERNAL_ERROR. */
    public static final class CatalogException extends RuntimeException {
        CatalogException(String what, SQLException cause) {
            super("Model catalog " + what + " failed: " + cause.getMessage(), cause);
        }
    }
}
