using k8s.Models;
using Microsoft.Extensions.Configuration;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>
/// The configuration a container's process would see: ConfigMap entries (envFrom), env values, Secret references
/// filled from <see cref="FakeSecrets"/>, downward-API fields as placeholders, then the command line, mapped the way
/// .NET's environment-variable provider maps them ('__' becomes ':').
/// </summary>
public static class ContainerConfiguration
{
    public static IConfigurationRoot For(RenderedOverlay overlay, V1Container container, IDictionary<string, string>? switchMappings = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in container.EnvFrom ?? [])
        {
            var configMap = overlay.Objects.OfType<V1ConfigMap>().Single(c => c.Metadata.Name == source.ConfigMapRef.Name);
            foreach (var (key, value) in configMap.Data)
            {
                values[ToKey(key)] = value;
            }
        }

        foreach (var env in container.Env ?? [])
        {
            values[ToKey(env.Name)] = env.Value
                ?? (env.ValueFrom?.SecretKeyRef is { } secret ? FakeSecrets.ByKey[secret.Key] : $"<{env.ValueFrom?.FieldRef?.FieldPath}>");
        }

        return new ConfigurationBuilder()
            .AddInMemoryCollection(values)
            .AddCommandLine([.. container.Args ?? []], switchMappings)
            .Build();
    }

    private static string ToKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);
}
