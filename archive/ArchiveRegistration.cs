using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Erasure;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Archive;

public static class ArchiveRegistration
{
    /// <summary>
    /// The silo's archive writer and its eraser over <paramref name="store"/>, unless <c>Archive:Enabled</c> is false; options are
    /// checked when the host starts either way.
    /// </summary>
    public static IServiceCollection AddEventArchive(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, ArchiveOptions, IArchiveStore> store)
    {
        services.AddValidatedOptions<ArchiveOptions, ArchiveOptionsValidator>(configuration, ArchiveOptions.SectionName);
        if (!configuration.GetValue($"{ArchiveOptions.SectionName}:{nameof(ArchiveOptions.Enabled)}", true))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => store(sp, sp.GetRequiredService<IOptions<ArchiveOptions>>().Value));
        services.TryAddSingleton<SuppressionList>();
        services.AddSingleton<ArchiveSuppression>();
        services.AddSingleton<ArchiveWriter>();
        services.AddSingleton<ArchiveEraser>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveWriter>());
        return services;
    }
}
