// Example parameters for a managed-identity bot; copy, then set the registry and image you pushed.
using 'main.bicep'

param namePrefix = 'oraclebot'
param botAppType = 'UserAssignedMSI'
param registryName = 'oraclebotacr'
param containerImage = 'oraclebotacr.azurecr.io/oraclebot:1.0.0'
param minReplicas = 2
param maxReplicas = 10
