using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// Grain state in one SQLite file, the embedded default that needs no server. Concurrent writes from many grains
/// are queued and committed together, up to <see cref="MaxWritesPerTransaction"/> per
/// transaction, so a burst of state writes costs one commit instead of hundreds. A write completes only after
/// its transaction commits. ETags are row versions: a stale writer (a duplicate activation) gets
/// <see cref="InconsistentStateException"/> instead of overwriting newer state.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a long burst commits in steps and its first writers need not wait for the last.</summary>
    public const int MaxWritesPerTransaction = 512;

    private readonly string connectionString;
    private readonly Serializer serializer;
    private readonly ILogger<SqliteGrainStorage> logger;
    private readonly Channel<PendingWrite> writes = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Task writerLoop;

    public SqliteGrainStorage(SqliteGrainStorageOptions options, Serializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        this.serializer = serializer;
        this.logger = logger;
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = true }.ToString();
        CreateSchema();
        writerLoop = Task.Run(WriteLoopAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, data FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var version = reader.GetInt64(0);
        var data = (byte[])reader.GetValue(1);
        grainState.State = serializer.Deserialize<T>(data);
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new PendingWrite(stateName, grainId.ToString(), ParseVersion(grainState.ETag), serializer.SerializeToArray(grainState.State));
        await writes.Writer.WriteAsync(write);
        var newVersion = await write.Completion.Task;
        grainState.ETag = newVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new PendingWrite(stateName, grainId.ToString(), ParseVersion(grainState.ETag), Data: null);
        await writes.Writer.WriteAsync(write);
        await write.Completion.Task;
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Answers whether the database can be read; used by the readiness check.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM grain_state WHERE 0";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// A clean stop leaves everything in the main file: the WAL is checkpointed and truncated, and the pool's connections
    /// closed, so no older page image (an erased profile, a purged text) survives in a WAL frame.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        writes.Writer.TryComplete();
        await writerLoop;
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
            SqliteConnection.ClearPool(connection);
        }
        catch (SqliteException exception)
        {
            logger.LogWarning(exception, "Could not checkpoint the grain state database on stop; the next start does");
        }
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = await OpenAsync();
        var batch = new List<PendingWrite>(MaxWritesPerTransaction);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerTransaction && writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                Commit(connection, batch);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Grain state transaction of {Count} writes failed", batch.Count);
                batch.ForEach(write => write.Completion.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    private static void Commit(SqliteConnection connection, List<PendingWrite> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT version FROM grain_state WHERE state_name = $name AND grain_id = $id";
        var selectName = select.Parameters.Add("$name", SqliteType.Text);
        var selectId = select.Parameters.Add("$id", SqliteType.Text);

        using var upsert = connection.CreateCommand();
        upsert.CommandText =
            "INSERT INTO grain_state (state_name, grain_id, version, data) VALUES ($name, $id, $version, $data) " +
            "ON CONFLICT (state_name, grain_id) DO UPDATE SET version = excluded.version, data = excluded.data";
        var upsertName = upsert.Parameters.Add("$name", SqliteType.Text);
        var upsertId = upsert.Parameters.Add("$id", SqliteType.Text);
        var upsertVersion = upsert.Parameters.Add("$version", SqliteType.Integer);
        var upsertData = upsert.Parameters.Add("$data", SqliteType.Blob);

        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id";
        var deleteName = delete.Parameters.Add("$name", SqliteType.Text);
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);

        var outcomes = new List<(PendingWrite Write, long Version, Exception? Error)>(batch.Count);
        foreach (var write in batch)
        {
            selectName.Value = write.StateName;
            selectId.Value = write.GrainId;
            var stored = select.ExecuteScalar() is long version ? version : (long?)null;
            if (stored != write.ExpectedVersion)
            {
                outcomes.Add((write, 0, new InconsistentStateException(
                    $"State '{write.StateName}' of {write.GrainId} changed under this activation (stored version {stored?.ToString() ?? "none"}, expected {write.ExpectedVersion?.ToString() ?? "none"})")));
                continue;
            }

            if (write.Data is null)
            {
                deleteName.Value = write.StateName;
                deleteId.Value = write.GrainId;
                delete.ExecuteNonQuery();
                outcomes.Add((write, 0, null));
                continue;
            }

            var next = (stored ?? 0) + 1;
            upsertName.Value = write.StateName;
            upsertId.Value = write.GrainId;
            upsertVersion.Value = next;
            upsertData.Value = write.Data;
            upsert.ExecuteNonQuery();
            outcomes.Add((write, next, null));
        }

        transaction.Commit();

        // Only now is anything durable: complete the callers after the commit, never before.
        foreach (var (write, version, error) in outcomes)
        {
            if (error is null)
            {
                write.Completion.TrySetResult(version);
            }
            else
            {
                write.Completion.TrySetException(error);
            }
        }
    }

    private void CreateSchema()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers (grain activations) run beside the writer. synchronous=NORMAL: in WAL mode a commit survives
        // the process crashing; a power loss may drop the last commits the OS had not flushed yet.
        command.CommandText =
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; " +
            "CREATE TABLE IF NOT EXISTS grain_state (state_name TEXT NOT NULL, grain_id TEXT NOT NULL, " +
            "version INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;";
        command.ExecuteNonQuery();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        // secure_delete is per connection: every writer zeroes what a delete or an overwrite frees, so an erased profile
        // or a purged text leaves no bytes in free pages.
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static long? ParseVersion(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record PendingWrite(string StateName, string GrainId, long? ExpectedVersion, byte[]? Data)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
