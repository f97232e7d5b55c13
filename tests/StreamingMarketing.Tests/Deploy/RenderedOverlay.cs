using k8s.Models;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>One rendered overlay: its typed objects, and the lookups the deploy tests share.</summary>
public sealed record RenderedOverlay(string Name, string Yaml, IReadOnlyList<object> Objects)
{
    public const string SecretName = "streamingmarketing-secrets";
    public const string ConfigMapName = "streamingmarketing-config";
    public const string ComponentLabel = "app.kubernetes.io/component";

    public IEnumerable<V1Deployment> Deployments => Objects.OfType<V1Deployment>();

    public IEnumerable<V1Deployment> Silos => Deployments.Where(d => Label(d, ComponentLabel) == "silo");

    public V1Deployment Gateway => Deployments.Single(d => Label(d, ComponentLabel) == "gateway");

    public V1Deployment Deployment(string name) => Deployments.Single(d => d.Metadata.Name == name);

    public V1Service Service(string name) => Objects.OfType<V1Service>().Single(s => s.Metadata.Name == name);

    public IDictionary<string, string> Config => Objects.OfType<V1ConfigMap>().Single(c => c.Metadata.Name == ConfigMapName).Data;

    public static IDictionary<string, string> PodLabels(V1Deployment deployment) => deployment.Spec.Template.Metadata.Labels;

    public static string? Label(V1Deployment deployment, string key) => PodLabels(deployment).TryGetValue(key, out var value) ? value : null;

    public static V1Container Container(V1Deployment deployment) => Assert.Single(deployment.Spec.Template.Spec.Containers);

    public static IList<string> Args(V1Deployment deployment) => Container(deployment).Args ?? [];

    public static V1EnvVar? Env(V1Container container, string name) => container.Env?.SingleOrDefault(e => e.Name == name);

    /// <summary>The value after <paramref name="flag"/> in the container's arguments, or null.</summary>
    public static string? Flag(V1Deployment deployment, string flag)
    {
        var args = Args(deployment);
        var at = args.IndexOf(flag);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    public static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public static IDictionary<string, ResourceQuantity> Limits(V1Container container) =>
        container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();

    public static IDictionary<string, ResourceQuantity> Requests(V1Container container) =>
        container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
}
