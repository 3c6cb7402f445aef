# OracleBot container image: build on the .NET SDK image, build the knowledge index there, run on the
# ASP.NET runtime image as its non-root "app" user. Build from the repository root:
#   docker build -t oraclebot .            (or, with no local Docker: az acr build -r REGISTRY -t oraclebot:1.0.0 .)
# tests/OracleBot.Tests/Infra/DockerfileTests.cs keeps the paths below in step with the project.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so the package layer is reused until a project file changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OracleBot/OracleBot.csproj src/OracleBot/
COPY src/OracleBot.Protocol/OracleBot.Protocol.csproj src/OracleBot.Protocol/
COPY src/OracleBot.Answers/OracleBot.Answers.csproj src/OracleBot.Answers/
COPY src/OracleBot.Cards/OracleBot.Cards.csproj src/OracleBot.Cards/
COPY src/OracleBot.ServiceDefaults/OracleBot.ServiceDefaults.csproj src/OracleBot.ServiceDefaults/
RUN dotnet restore src/OracleBot/OracleBot.csproj

COPY src/ src/
COPY cards/ cards/
COPY seeds/ seeds/
RUN dotnet publish src/OracleBot/OracleBot.csproj -c Release --no-restore -p:UseAppHost=false -o /app

# Index the seed knowledge base now, with the same code and paths the bot uses, so replicas start ready.
# build-index also embeds every passage for hybrid retrieval (the longest step of the image build, see the
# README), with two model threads since nothing else runs here; the final stage does not inherit the setting.
WORKDIR /app
ENV Answers__Vectors__Threads=2
RUN dotnet OracleBot.dll build-index

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The index is read-only at run time; data/ also holds the single-instance SQLite store, so the app user owns it.
RUN chown -R "$APP_UID" /app/data
USER $APP_UID

ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0
EXPOSE 8080

# The runtime image has no curl; bash's /dev/tcp is enough for a liveness probe of /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "OracleBot.dll"]
