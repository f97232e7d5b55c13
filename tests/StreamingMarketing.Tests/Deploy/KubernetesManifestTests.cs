using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;
using YamlDotNet.RepresentationModel;
using static StreamingMarketing.Tests.Deploy.RenderedOverlay;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>
/// deploy/kubernetes, as each overlay renders: the Kubernetes schema, what Orleans' Kubernetes hosting and the azure
/// profile need from a pod, what Prometheus expects, and no secret in the repository.
/// </summary>
[Trait("Category", "Functional")]
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => new(Kustomize.Overlays);

    private static readonly HashSet<string> CpuAndMemory = ["cpu", "memory"];

    [Fact]
    public void There_is_a_cpu_only_and_a_gpu_overlay() =>
        Assert.Equal(["cpu-only", "gpu"], Kustomize.Overlays);

    [Theory, MemberData(nameof(Overlays))]
    public void Overlay_renders_into_objects_of_the_Kubernetes_API_in_one_namespace(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        var kinds = rendered.Objects.Select(o => ((IKubernetesObject)o).Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "Namespace", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment", "Service", "Ingress", "CronJob", "PodDisruptionBudget" }, kinds);
        var ns = Assert.Single(rendered.Objects.OfType<V1Namespace>()).Metadata.Name;
        Assert.All(rendered.Objects.OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace),
            o => Assert.Equal(ns, o.Metadata.NamespaceProperty));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_probes_the_health_endpoints_and_sets_resource_requests_and_limits(string overlay)
    {
        foreach (var deployment in Kustomize.Overlay(overlay).Deployments)
        {
            var container = Container(deployment);
            var http = Assert.Single(container.Ports, p => p.Name == "http");
            Assert.Equal(5080, http.ContainerPort);
            Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/health/live", container.StartupProbe?.HttpGet?.Path);
            Assert.All(new[] { container.LivenessProbe!, container.ReadinessProbe!, container.StartupProbe! },
                probe => Assert.Equal("http", probe.HttpGet.Port.Value));
            Assert.Superset(CpuAndMemory, Requests(container).Keys.ToHashSet());
            Assert.Superset(CpuAndMemory, Limits(container).Keys.ToHashSet());
            Assert.True(deployment.Spec.Template.Spec.SecurityContext?.RunAsNonRoot, $"{deployment.Metadata.Name} may run as root");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_pods_carry_the_labels_and_downward_api_variables_that_Orleans_Kubernetes_hosting_reads(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        Assert.Equal(2, rendered.Silos.Count());
        foreach (var silo in rendered.Silos)
        {
            Assert.False(string.IsNullOrEmpty(Label(silo, KubernetesHostingOptions.ServiceIdLabel)), $"{silo.Metadata.Name}: no {KubernetesHostingOptions.ServiceIdLabel} label");
            Assert.False(string.IsNullOrEmpty(Label(silo, KubernetesHostingOptions.ClusterIdLabel)), $"{silo.Metadata.Name}: no {KubernetesHostingOptions.ClusterIdLabel} label");

            var container = Container(silo);
            Assert.Equal("metadata.name", FieldPath(container, KubernetesHostingOptions.PodNameEnvironmentVariable));
            Assert.Equal("metadata.namespace", FieldPath(container, KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
            Assert.Equal("status.podIP", FieldPath(container, KubernetesHostingOptions.PodIPEnvironmentVariable));
            // Read back from the labels, so the cluster identity and the labels the agent selects pods by cannot differ.
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", FieldPath(container, KubernetesHostingOptions.ServiceIdEnvironmentVariable));
            Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", FieldPath(container, KubernetesHostingOptions.ClusterIdEnvironmentVariable));
            Assert.Equal("true", Env(container, "Azure__Kubernetes")?.Value);
            Assert.All(container.Ports.Where(p => p.Name != "http"), p => Assert.Contains(p.ContainerPort, new[] { 11111, 30000 }));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_service_account_may_get_watch_list_and_delete_the_pods_of_its_namespace(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        foreach (var silo in rendered.Silos)
        {
            var account = silo.Spec.Template.Spec.ServiceAccountName;
            Assert.Contains(rendered.Objects.OfType<V1ServiceAccount>(), a => a.Metadata.Name == account);
            Assert.NotEqual(false, silo.Spec.Template.Spec.AutomountServiceAccountToken);
            var binding = Assert.Single(rendered.Objects.OfType<V1RoleBinding>(),
                b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account && s.NamespaceProperty == silo.Metadata.NamespaceProperty));
            var role = Assert.Single(rendered.Objects.OfType<V1Role>(), r => r.Metadata.Name == binding.RoleRef.Name);
            var pods = Assert.Single(role.Rules, rule => rule.Resources.Contains("pods"));
            Assert.Equal([""], pods.ApiGroups);
            Assert.Superset(new HashSet<string> { "get", "watch", "list", "delete" }, pods.Verbs.ToHashSet());
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silos_and_gateway_run_the_azure_profile_and_listen_where_probes_and_Prometheus_reach_them(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        foreach (var deployment in rendered.Silos.Append(rendered.Gateway))
        {
            Assert.Equal("azure", Flag(deployment, "--profile"));
            Assert.Equal("http://0.0.0.0:5080", Flag(deployment, "--urls"));

            // Without an API key the product confines the API to loopback: the key must reach the pod.
            var configuration = ContainerConfiguration.For(rendered, Container(deployment), SiloSettings.CommandLineSwitches);
            var binding = GatewayBinding.Decide(configuration, SiloSettings.DefaultUrl);
            Assert.Equal("http://0.0.0.0:5080", binding.Urls);
            Assert.Empty(binding.Warnings);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Silo_configuration_passes_the_azure_profile_checks_with_every_setting_bound(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        foreach (var silo in rendered.Silos)
        {
            var configuration = ContainerConfiguration.For(rendered, Container(silo), SiloSettings.CommandLineSwitches);
            var settings = configuration.GetSection(SiloSettings.SectionName).Get<SiloSettings>()!;
            var azure = configuration.GetSection(AzureSettings.SectionName).Get<AzureSettings>()!;

            Assert.Equal(Profiles.Azure, settings.Profile);
            Assert.Equal("/data", settings.DataDir);
            Assert.True(azure.Kubernetes);
            azure.ValidateForEventHubs();
            Assert.Equal(FakeSecrets.EventHubsConnectionString, azure.EventHubsConnectionString);
            Assert.Equal(FakeSecrets.StorageConnectionString, azure.StorageConnectionString);
        }

        // A misspelt key would be ignored silently in production: every Azure__ entry names an AzureSettings property.
        var properties = typeof(AzureSettings).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.All(rendered.Config.Keys.Where(k => k.StartsWith("Azure__", StringComparison.Ordinal)),
            key => Assert.Contains(key["Azure__".Length..], properties));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Only_silos_with_the_scoring_role_score_and_their_metadata_says_so(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        var scoring = Assert.Single(rendered.Silos, s => Flag(s, "--roles")!.Split(',').Contains("scoring"));
        Assert.Equal("streamingmarketing-silo-scoring", scoring.Metadata.Name);
        foreach (var silo in rendered.Silos)
        {
            Assert.Equal(Flag(silo, "--roles"), Env(Container(silo), "ORLEANS__METADATA__role")?.Value);
        }
    }

    [Fact]
    public void Gpu_overlay_puts_scoring_silos_on_gpu_nodes_with_the_cuda_image()
    {
        var scoring = Kustomize.Overlay("gpu").Deployment("streamingmarketing-silo-scoring");
        var container = Container(scoring);
        var pod = scoring.Spec.Template.Spec;

        Assert.Equal("1", Limits(container)["nvidia.com/gpu"].ToString());
        Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule");
        Assert.NotEmpty(pod.NodeSelector);
        Assert.StartsWith("streamingmarketing/silo-cuda:", container.Image, StringComparison.Ordinal);
        Assert.Equal("cuda", Env(container, "Sentiment__Device")?.Value);
        Assert.Equal("scoring", Flag(scoring, "--roles"));
        Assert.Equal("scoring", Env(container, "ORLEANS__METADATA__role")?.Value);
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Nothing_but_gpu_scoring_silos_asks_for_or_tolerates_a_gpu(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var gpuScoring = overlay == "gpu" ? "streamingmarketing-silo-scoring" : null;

        foreach (var deployment in rendered.Deployments.Where(d => d.Metadata.Name != gpuScoring))
        {
            var container = Container(deployment);
            Assert.DoesNotContain("nvidia.com/gpu", Limits(container).Keys);
            Assert.DoesNotContain("nvidia.com/gpu", Requests(container).Keys);
            Assert.DoesNotContain(deployment.Spec.Template.Spec.Tolerations ?? [], t => t.Key == "nvidia.com/gpu");
            Assert.DoesNotContain("silo-cuda", container.Image, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Secrets_are_referenced_from_one_Secret_and_never_written_into_the_manifests(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        Assert.Empty(rendered.Objects.OfType<V1Secret>());
        foreach (var literal in new[] { "AccountKey=", "SharedAccessKey=", "SharedAccessSignature=", "DefaultEndpointsProtocol=", "sb://" })
        {
            Assert.DoesNotContain(literal, rendered.Yaml, StringComparison.OrdinalIgnoreCase);
        }

        var containers = rendered.Deployments.Select(Container)
            .Concat(rendered.Objects.OfType<V1CronJob>().SelectMany(c => c.Spec.JobTemplate.Spec.Template.Spec.Containers));
        var secretKeys = new HashSet<string>();
        foreach (var env in containers.SelectMany(c => c.Env ?? []))
        {
            if (env.Name.Contains("ConnectionString", StringComparison.Ordinal) || env.Name.Contains("Key", StringComparison.Ordinal))
            {
                Assert.Null(env.Value);
                Assert.Equal(SecretName, env.ValueFrom?.SecretKeyRef?.Name);
            }

            if (env.ValueFrom?.SecretKeyRef is { } reference)
            {
                secretKeys.Add(reference.Key);
            }
        }

        // The keys deploy/README.md tells operators to put in the Secret.
        Assert.Equal(FakeSecrets.ByKey.Keys.Order(), secretKeys.Order());
        Assert.DoesNotContain(rendered.Config.Keys, key => key.Contains("ConnectionString", StringComparison.Ordinal) || key.EndsWith("Sha256", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Headless_services_are_the_targets_Prometheus_scrapes(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var targets = PrometheusDnsTargets();

        Assert.Equal(["gateway", "silo"], targets.Keys.Order());
        foreach (var (job, (name, port)) in targets)
        {
            var service = rendered.Service(name);
            Assert.Equal("None", service.Spec.ClusterIP);
            Assert.Contains(service.Spec.Ports, p => p.Port == port && p.TargetPort.Value == "http");
            var selected = rendered.Deployments.Where(d => Selects(service.Spec.Selector, PodLabels(d))).ToList();
            var expected = job == "silo" ? rendered.Silos : [rendered.Gateway];
            Assert.Equal(expected.Select(d => d.Metadata.Name).Order(), selected.Select(d => d.Metadata.Name).Order());
            Assert.All(selected, d => Assert.Contains(Container(d).Ports, p => p.Name == "http" && p.ContainerPort == port));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Gateway_joins_the_silos_cluster_without_being_taken_for_a_silo(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var gatewayLabels = PodLabels(rendered.Gateway);

        Assert.DoesNotContain(KubernetesHostingOptions.ServiceIdLabel, gatewayLabels.Keys);
        Assert.DoesNotContain(KubernetesHostingOptions.ClusterIdLabel, gatewayLabels.Keys);
        var configuration = ContainerConfiguration.For(rendered, Container(rendered.Gateway));
        Assert.All(rendered.Silos, silo =>
        {
            Assert.Equal(PodLabels(silo)[KubernetesHostingOptions.ServiceIdLabel], configuration["Client:ServiceId"]);
            Assert.Equal(PodLabels(silo)[KubernetesHostingOptions.ClusterIdLabel], configuration["Client:ClusterId"]);
        });
        Assert.Equal(SiloSettings.DefaultUrl.Replace("127.0.0.1", "0.0.0.0", StringComparison.Ordinal), Flag(rendered.Gateway, "--urls"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void The_ingress_reaches_the_gateway_pods_through_a_service(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        var ingress = Assert.Single(rendered.Objects.OfType<V1Ingress>());
        var backend = Assert.Single(ingress.Spec.Rules.SelectMany(r => r.Http.Paths)).Backend.Service;
        var service = rendered.Service(backend.Name);
        Assert.NotEqual("None", service.Spec.ClusterIP);
        var port = Assert.Single(service.Spec.Ports, p => p.Name == backend.Port.Name);
        Assert.Equal("http", port.TargetPort.Value);
        Assert.True(Selects(service.Spec.Selector, PodLabels(rendered.Gateway)));
        Assert.DoesNotContain(rendered.Silos, silo => Selects(service.Spec.Selector, PodLabels(silo)));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_has_a_disruption_budget_of_its_own(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var budgets = rendered.Objects.OfType<V1PodDisruptionBudget>().ToList();

        foreach (var deployment in rendered.Deployments)
        {
            var budget = Assert.Single(budgets, b => Selects(b.Spec.Selector.MatchLabels, PodLabels(deployment)));
            Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);
            Assert.DoesNotContain(rendered.Deployments, other => other != deployment && Selects(budget.Spec.Selector.MatchLabels, PodLabels(other)));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Training_runs_nightly_and_publishes_to_the_registry_the_silos_read(string overlay)
    {
        var cronJob = Assert.Single(Kustomize.Overlay(overlay).Objects.OfType<V1CronJob>());
        var container = Assert.Single(cronJob.Spec.JobTemplate.Spec.Template.Spec.Containers);

        Assert.Equal("Forbid", cronJob.Spec.ConcurrencyPolicy);
        Assert.Equal(["train", "--publish"], container.Args.Take(2));
        Assert.StartsWith("streamingmarketing/training:", container.Image, StringComparison.Ordinal);
        Assert.Equal("AzureBlob", Env(container, "Sentiment__Registry__Kind")?.Value);
        // The silos' registry is the storage account of Azure__StorageConnectionString (ProfileStorage.Configure).
        Assert.Equal("Azure__StorageConnectionString", Env(container, "Sentiment__Registry__ConnectionString")?.ValueFrom?.SecretKeyRef?.Key);
        Assert.Superset(CpuAndMemory, Limits(container).Keys.ToHashSet());
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_image_is_one_that_deploy_docker_builds(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var images = rendered.Deployments.Select(Container)
            .Concat(rendered.Objects.OfType<V1CronJob>().SelectMany(c => c.Spec.JobTemplate.Spec.Template.Spec.Containers))
            .Select(c => c.Image);

        foreach (var image in images)
        {
            // Pinned by the overlay: a pod restarted on another node must not pull a different "latest".
            Assert.Matches(@"^streamingmarketing/[a-z-]+:[\w.-]+$", image);
            Assert.False(image.EndsWith(":latest", StringComparison.Ordinal), image);
            var name = image.Split(':')[0];
            Assert.True(File.Exists(Path.Combine(Dockerfiles.Directory, $"{name["streamingmarketing/".Length..]}.Dockerfile")), $"no Dockerfile builds {image}");
        }
    }

    private static string? FieldPath(V1Container container, string variable) => Env(container, variable)?.ValueFrom?.FieldRef?.FieldPath;

    /// <summary>deploy/prometheus/prometheus.yml's DNS service discovery: job → (DNS name, port).</summary>
    private static Dictionary<string, (string Name, int Port)> PrometheusDnsTargets()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(Infrastructure.RepositoryPaths.Root, "deploy", "prometheus", "prometheus.yml")))
        {
            stream.Load(reader);
        }

        var targets = new Dictionary<string, (string, int)>();
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (YamlMappingNode job in (YamlSequenceNode)root["scrape_configs"])
        {
            foreach (YamlMappingNode dns in (YamlSequenceNode)job["dns_sd_configs"])
            {
                var name = Assert.Single((YamlSequenceNode)dns["names"]).ToString();
                targets[job["job_name"].ToString()] = (name, int.Parse(dns["port"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return targets;
    }
}
