using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Operations;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(StateView))]
[JsonSerializable(typeof(List<StateView>))]
public sealed partial class OperationsJson : JsonSerializerContext
{
}
