using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>
/// Renders a committed kustomize overlay with <c>kubectl kustomize</c> (offline: no cluster needed) and loads the
/// result into the typed Kubernetes API models of KubernetesClient, the library Orleans' Kubernetes hosting itself
/// uses. The strict loader rejects unknown fields and wrong types, which makes it a schema check.
/// </summary>
public static class Kustomize
{
    public static string KubernetesRoot => Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    public static IEnumerable<string> Overlays =>
        Directory.GetDirectories(Path.Combine(KubernetesRoot, "overlays")).Select(dir => Path.GetFileName(dir)).Order();

    private static readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> Rendered = new();

    public static RenderedOverlay Overlay(string name) =>
        Rendered.GetOrAdd(name, overlay => new Lazy<RenderedOverlay>(() => Render(overlay))).Value;

    private static RenderedOverlay Render(string overlay)
    {
        var yaml = Run("kustomize", Path.Combine(KubernetesRoot, "overlays", overlay));
        var objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        return new RenderedOverlay(overlay, yaml, objects);
    }

    private static string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within a minute");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
    }

    private static string Kubectl =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("kubectl is not on PATH: the deploy tests render the kustomize overlays with 'kubectl kustomize'.");
}
