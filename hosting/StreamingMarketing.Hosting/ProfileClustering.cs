using System.Net;
using Azure.Data.Tables;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Hosting;

namespace StreamingMarketing.Hosting;

/// <summary>How silos find each other and clients find silos, per profile; both sides written here so they agree.</summary>
public static class ProfileClustering
{
    public static ISiloBuilder UseStreamingMarketingClustering(this ISiloBuilder silo, string profile, AzureSettings azure, ClusterEndpoints endpoints)
    {
        silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId));
        switch (Profiles.RequireKnown(profile))
        {
            case Profiles.Embedded:
                silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
                return silo;
            case Profiles.LocalCluster:
                silo.ConfigureEndpoints(IPAddress.Loopback, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false);
                break;
            case Profiles.Azure when azure.Kubernetes:
                silo.UseKubernetesHosting();
                break;
            case Profiles.Azure:
                silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
                break;
        }

        silo.UseAzureStorageClustering(options => (options.TableServiceClient, options.TableName) = (new TableServiceClient(azure.StorageConnectionString), azure.ClusteringTable));

        // A dead silo must be noticed in seconds, not the default minute: its queues and grains move on only then.
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(2);
            membership.NumMissedProbesLimit = 2;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        return silo;
    }

    public static IClientBuilder UseStreamingMarketingClustering(this IClientBuilder client, string profile, AzureSettings azure, ClusterEndpoints endpoints)
    {
        client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (endpoints.ClusterId, endpoints.ServiceId));
        client.Configure<GatewayOptions>(gateway => gateway.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
        if (Profiles.RequireKnown(profile) == Profiles.Embedded)
        {
            return client.UseLocalhostClustering(endpoints.GatewayPort);
        }

        client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString));
        return client.Configure<AzureStorageGatewayOptions>(options => options.TableName = azure.ClusteringTable);
    }
}

/// <summary>A host's place in the cluster: its ids and ports (a client uses only the ids and the gateway port).</summary>
public sealed record ClusterEndpoints(string ClusterId, string ServiceId, int SiloPort, int GatewayPort);
