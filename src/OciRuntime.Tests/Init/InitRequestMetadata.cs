using System.Text.Json.Serialization;
using OciRuntime.Core.Init;

namespace OciRuntime.Tests.Init;

/// <summary>Lists InitRequest's properties without reflection, so a test notices a field the codec does not carry.</summary>
[JsonSerializable(typeof(InitRequest))]
internal sealed partial class InitRequestMetadata : JsonSerializerContext
{
}
