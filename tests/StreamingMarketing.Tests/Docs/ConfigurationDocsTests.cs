using System.Collections;
using System.Globalization;
using System.Reflection;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Client.Gateway;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Recommend.Serving;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Live;
using StreamingMarketing.Gateway.Privacy;
using StreamingMarketing.Gateway.Telemetry;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Allocation;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Hosting;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Docs;

/// <summary>docs/configuration.md lists every key the options classes bind, each with the default those classes give it.</summary>
public sealed class ConfigurationDocsTests
{
    /// <summary>Every options class and the section it binds; <see cref="Every_options_class_is_listed_here"/> keeps it complete.</summary>
    private static readonly (Type Type, string Section)[] OptionsClasses =
    [
        (typeof(SiloSettings), SiloSettings.SectionName),
        (typeof(GatewaySettings), GatewaySettings.SectionName),
        (typeof(AzureSettings), AzureSettings.SectionName),
        (typeof(IngestOptions), IngestOptions.SectionName),
        (typeof(EventValidationOptions), EventValidationOptions.SectionName),
        (typeof(AggregationOptions), AggregationOptions.SectionName),
        (typeof(AlertOptions), AlertOptions.SectionName),
        (typeof(SentimentOptions), SentimentOptions.SectionName),
        (typeof(AuthOptions), AuthOptions.SectionName),
        (typeof(AllocationOptions), AllocationOptions.SectionName),
        (typeof(PrivacyOptions), PrivacyOptions.SectionName),
        (typeof(ErasureOptions), ErasureOptions.SectionName),
        (typeof(ArchiveOptions), ArchiveOptions.SectionName),
        (typeof(RecommenderOptions), RecommenderOptions.SectionName),
    ];

    /// <summary>Keys read straight from configuration rather than bound to a class, with their defaults.</summary>
    private static readonly (string Key, string? Default)[] LooseKeys =
    [
        (DashboardRegistration.EnabledKey, null),
        (LiveStreamLimit.MaxStreamsPerKeyKey, "8"),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:Name", null),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:Key", null),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:KeySha256", null),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:Scopes", null),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:PermitsPerSecond", null),
        ($"{AuthOptions.SectionName}:{AuthOptions.ApiKeysSection}:N:Burst", null),
    ];

    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));

    public static IEnumerable<(string Key, string? Default)> Keys() =>
        OptionsClasses.SelectMany(o => Walk(o.Type, Activator.CreateInstance(o.Type), o.Section)).Concat(LooseKeys);

    [Fact]
    public void Lists_every_key_with_its_default()
    {
        var missing = Keys()
            .Where(k => !Lines.Any(line => line.Contains($"`{k.Key}`", StringComparison.Ordinal)
                                           && (k.Default is null || line.Contains($"`{k.Default}`", StringComparison.Ordinal))))
            .Select(k => $"| `{k.Key}` | {(k.Default is null ? "" : $"`{k.Default}`")} | |")
            .ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks these keys (or their defaults):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_options_class_is_listed_here()
    {
        var sections = typeof(SiloSettings).Assembly.GetReferencedAssemblies().Append(typeof(SiloSettings).Assembly.GetName())
            .Concat(typeof(GatewaySettings).Assembly.GetReferencedAssemblies().Append(typeof(GatewaySettings).Assembly.GetName()))
            .Where(name => name.Name!.StartsWith("StreamingMarketing.", StringComparison.Ordinal))
            .DistinctBy(name => name.Name)
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .Where(type => type != typeof(DashboardRegistration))
            .ToList();

        Assert.NotEmpty(sections);
        Assert.All(sections, type => Assert.Contains(OptionsClasses, o => o.Type == type));
    }

    private static IEnumerable<(string Key, string? Default)> Walk(Type type, object? instance, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType))
            {
                yield return (key, Format(value));
            }
            else if (propertyType.IsGenericType && typeof(IList).IsAssignableFrom(propertyType))
            {
                var element = propertyType.GetGenericArguments()[0];
                foreach (var item in IsLeaf(element) ? [($"{key}:N", null)] : Walk(element, null, $"{key}:N"))
                {
                    yield return item;
                }
            }
            else
            {
                foreach (var item in Walk(propertyType, value, key))
                {
                    yield return item;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal);

    private static string? Format(object? value) => value switch
    {
        null => null,
        "" => null,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
