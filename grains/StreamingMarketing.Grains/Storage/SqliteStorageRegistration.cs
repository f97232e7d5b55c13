using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace StreamingMarketing.Grains.Storage;

public static class SqliteStorageRegistration
{
    /// <summary>Registers <see cref="SqliteGrainStorage"/> as the grain storage provider <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, string databasePath)
    {
        builder.Services.AddKeyedSingleton<SqliteGrainStorage>(name, (services, _) => new SqliteGrainStorage(
            new SqliteGrainStorageOptions { DatabasePath = databasePath },
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) => services.GetRequiredKeyedService<SqliteGrainStorage>(key));
        return builder;
    }
}
