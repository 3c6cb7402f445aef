using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace OracleBot.Protocol.Connector;

/// <summary>Maps the <c>Bot</c> settings onto an Azure.Identity credential.</summary>
internal static class BotCredentialFactory
{
    public static TokenCredential Create(BotCredentialOptions options, string appId, HttpClient transport)
    {
        var pipelineTransport = new HttpClientTransport(transport);
        Uri? authorityHost = options.AuthorityHost is null ? null : new Uri(options.AuthorityHost);

        if (options.IsManagedIdentity)
        {
            var id = ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId ?? appId);
            return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(id) { Transport = pipelineTransport });
        }

        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            var certificateOptions = new ClientCertificateCredentialOptions
            {
                Transport = pipelineTransport,
                DisableInstanceDiscovery = options.DisableInstanceDiscovery,
            };
            if (authorityHost is not null)
            {
                certificateOptions.AuthorityHost = authorityHost;
            }

            return new ClientCertificateCredential(options.Tenant, appId, certificate, certificateOptions);
        }

        var secretOptions = new ClientSecretCredentialOptions
        {
            Transport = pipelineTransport,
            DisableInstanceDiscovery = options.DisableInstanceDiscovery,
        };
        if (authorityHost is not null)
        {
            secretOptions.AuthorityHost = authorityHost;
        }

        return new ClientSecretCredential(options.Tenant, appId, options.ClientSecret, secretOptions);
    }
}
