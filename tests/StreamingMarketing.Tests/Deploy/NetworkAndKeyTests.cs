using k8s.Models;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Silo.Hosting;
using static StreamingMarketing.Tests.Deploy.RenderedOverlay;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>Who may reach which port of the rendered overlays, and which key may do what.</summary>
[Trait("Category", "Functional")]
public sealed class NetworkAndKeyTests
{
    private const int SiloPort = 11111;
    private const int OrleansGatewayPort = 30000;
    private const int HttpPort = 5080;

    public static TheoryData<string> Overlays => new(Kustomize.Overlays);

    [Theory, MemberData(nameof(Overlays))]
    public void Only_silos_reach_the_silo_port_and_only_gateways_the_orleans_gateway_port(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);
        var policies = rendered.Objects.OfType<V1NetworkPolicy>().ToList();

        foreach (var silo in rendered.Silos)
        {
            var rules = IngressRulesFor(policies, PodLabels(silo));
            Assert.Equal(["silo"], SourcesOf(rules, SiloPort));
            Assert.Equal(["gateway"], SourcesOf(rules, OrleansGatewayPort));
            Assert.Equal(["anyone"], SourcesOf(rules, HttpPort));
        }

        var gatewayRules = IngressRulesFor(policies, PodLabels(rendered.Gateway));
        Assert.Equal(["anyone"], SourcesOf(gatewayRules, HttpPort));
        Assert.Empty(SourcesOf(gatewayRules, SiloPort));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_key_has_one_scope_so_no_shipped_key_can_do_everything(string overlay)
    {
        var rendered = Kustomize.Overlay(overlay);

        foreach (var deployment in rendered.Silos.Append(rendered.Gateway))
        {
            var configuration = ContainerConfiguration.For(rendered, Container(deployment), SiloSettings.CommandLineSwitches);
            var keys = ApiKeyConfiguration.Load(configuration);

            Assert.All(keys, key => Assert.Single(key.Scopes));
            Assert.Equal(ApiScopes.All.Order(), keys.SelectMany(key => key.Scopes).Order());
        }
    }

    private static List<V1NetworkPolicyIngressRule> IngressRulesFor(List<V1NetworkPolicy> policies, IDictionary<string, string> podLabels)
    {
        var selecting = policies.Where(p => Selects(p.Spec.PodSelector.MatchLabels, podLabels)).ToList();
        Assert.NotEmpty(selecting);
        return selecting.SelectMany(p => p.Spec.Ingress ?? []).ToList();
    }

    /// <summary>The component labels allowed to reach <paramref name="port"/>, or "anyone" for a rule without sources.</summary>
    private static string[] SourcesOf(List<V1NetworkPolicyIngressRule> rules, int port) =>
        rules.Where(rule => rule.Ports?.Any(p => p.Port.Value == port.ToString()) == true)
            .SelectMany(rule => rule.FromProperty is null or { Count: 0 }
                ? ["anyone"]
                : rule.FromProperty.Select(peer => peer.PodSelector?.MatchLabels?[ComponentLabel] ?? "other"))
            .Distinct()
            .Order()
            .ToArray();
}
