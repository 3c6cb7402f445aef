using System.Text.Json.Nodes;
using OracleBot.Cards.Templating;

namespace OracleBot.Tests.Cards;

public sealed class TemplateBinderTests
{
    private static JsonNode? Bind(string template, string data) =>
        CardTemplate.Compile("test", template).Bind(JsonNode.Parse(data));

    /// <summary>The bound tree as JSON text, checked to be byte for byte what binding straight to UTF-8 writes.</summary>
    private static string BindToString(string template, string data)
    {
        var compiled = CardTemplate.Compile("test", template);
        var tree = compiled.Bind(JsonNode.Parse(data))!.ToJsonString();
        Assert.Equal(tree, System.Text.Encoding.UTF8.GetString(compiled.BindUtf8(JsonNode.Parse(data))));
        return tree;
    }

    [Fact]
    public void Whole_expression_keeps_the_json_type()
    {
        var result = BindToString(
            """{"n":"${n}","b":"${b}","a":"${arr}","o":"${o}","s":"${s}"}""",
            """{"n":5,"b":true,"arr":[1,"x"],"o":{"k":"v"},"s":"text"}""");
        Assert.Equal("""{"n":5,"b":true,"a":[1,"x"],"o":{"k":"v"},"s":"text"}""", result);
    }

    [Fact]
    public void Expression_inside_text_interpolates_as_text()
    {
        var result = BindToString(
            """{"t":"n=${n} b=${b} ${o.k}!","u":" ${n}"}""",
            """{"n":2020,"b":false,"o":{"k":"v"}}""");
        Assert.Equal("""{"t":"n=2020 b=false v!","u":" 2020"}""", result);
    }

    [Fact]
    public void Missing_path_is_left_as_expression_text_like_the_reference_library()
    {
        var result = BindToString("""{"a":"${missing}","b":"x ${o.missing} y"}""", """{"o":{}}""");
        Assert.Equal("""{"a":"${missing}","b":"x ${o.missing} y"}""", result);
    }

    [Fact]
    public void Json_null_binds_to_null_in_a_property_and_is_dropped_from_an_array()
    {
        var result = BindToString("""{"a":"${nul}","list":["${nul}","x"]}""", """{"nul":null}""");
        Assert.Equal("""{"a":null,"list":["x"]}""", result);
    }

    [Fact]
    public void Data_repeats_over_arrays_with_index_and_root()
    {
        var result = BindToString(
            """{"items":[{"$data":"${items}","t":"${$index}:${name}/${$root.title}","i":"${$index}"},{"k":"fixed"}]}""",
            """{"title":"T","items":[{"name":"A"},{"name":"B"}]}""");
        Assert.Equal("""{"items":[{"t":"0:A/T","i":0},{"t":"1:B/T","i":1},{"k":"fixed"}]}""", result);
    }

    [Fact]
    public void Nested_data_has_its_own_index()
    {
        var result = BindToString(
            """[{"$data":"${outer}","i":"${$index}","inner":[{"$data":"${subs}","v":"${$index}-${v}"}]}]""",
            """{"outer":[{"subs":[{"v":"a"},{"v":"b"}]},{"subs":[]}]}""");
        Assert.Equal("""[{"i":0,"inner":[{"v":"0-a"},{"v":"1-b"}]},{"i":1,"inner":[]}]""", result);
    }

    [Fact]
    public void Data_over_an_object_changes_the_context_once()
    {
        var result = BindToString("""{"x":{"$data":"${obj}","t":"${k}","r":"${$root.k}"}}""", """{"obj":{"k":"inner"},"k":"root"}""");
        Assert.Equal("""{"x":{"t":"inner","r":"root"}}""", result);
    }

    [Fact]
    public void Single_element_array_repetition_still_yields_one_item()
    {
        var result = BindToString("""{"a":[{"$data":"${one}","v":"${v}"}]}""", """{"one":[{"v":1}]}""");
        Assert.Equal("""{"a":[{"v":1}]}""", result);
    }

    [Theory]
    [InlineData("${flag}", true)]
    [InlineData("${!flag}", false)]
    [InlineData("${off}", false)]
    [InlineData("${!off}", true)]
    [InlineData("${s}", false)] // only a real boolean true keeps the object
    [InlineData("${!s}", false)]
    [InlineData("${!zero}", false)] // 0 and "" are truthy in Adaptive Expressions
    [InlineData("${!empty}", false)]
    [InlineData("${!missing}", true)]
    [InlineData("${!nul}", true)]
    [InlineData("${s == 'str'}", true)]
    [InlineData("${s != 'str'}", false)]
    [InlineData("${n == 3}", true)]
    [InlineData("${n == '3'}", false)]
    [InlineData("${n != 4}", true)]
    [InlineData("${n > 2 && n <= 3}", true)]
    [InlineData("${n >= 4 || flag}", true)]
    [InlineData("${off || missing}", false)]
    [InlineData("${count(arr) > 0}", true)]
    [InlineData("${count(empty) > 0}", false)]
    [InlineData("${count(missing) > 0}", false)] // evaluation errors count as false
    [InlineData("${length(s) == 3}", true)]
    [InlineData("${!(flag && off)}", true)]
    public void When_conditions_follow_the_reference_semantics(string condition, bool kept)
    {
        var template = $$"""{"list":[{"$when":"{{condition}}","t":1}]}""";
        var result = BindToString(template, """{"flag":true,"off":false,"s":"str","zero":0,"empty":[],"nul":null,"n":3,"arr":[1]}""");
        Assert.Equal(kept ? """{"list":[{"t":1}]}""" : """{"list":[]}""", result);
    }

    [Fact]
    public void When_is_evaluated_per_repeated_element()
    {
        var result = BindToString(
            """[{"$data":"${items}","$when":"${show}","n":"${n}"}]""",
            """{"items":[{"show":true,"n":1},{"show":false,"n":2},{"show":true,"n":3}]}""");
        Assert.Equal("""[{"n":1},{"n":3}]""", result);
    }

    [Fact]
    public void Object_dropped_by_when_in_a_property_becomes_null_like_the_reference_library()
    {
        Assert.Equal("""{"p":null}""", BindToString("""{"p":{"$when":"${false}","t":1}}""", "{}"));
    }

    [Fact]
    public void Schema_property_passes_through_and_strings_without_expressions_are_untouched()
    {
        var result = BindToString("""{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","t":"a } { $ x","n":1.5}""", "{}");
        Assert.Equal("""{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","t":"a } { $ x","n":1.5}""", result);
    }

    [Fact]
    public void Bound_values_are_not_reparsed_as_templates()
    {
        Assert.Equal("""{"a":"${y}","b":"x ${y}"}""", BindToString("""{"a":"${x}","b":"x ${x}"}""", """{"x":"${y}","y":"bad"}"""));
    }

    [Fact]
    public void Binding_does_not_share_nodes_with_the_data()
    {
        var data = JsonNode.Parse("""{"o":{"k":"v"}}""");
        var template = CardTemplate.Compile("t", """{"a":"${o}","b":"${o}"}""");
        var result = template.Bind(data)!.AsObject();
        result["a"]!["k"] = "changed";
        Assert.Equal("v", data!["o"]!["k"]!.GetValue<string>());
        Assert.Equal("v", result["b"]!["k"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"a":"${foo(1)}"}""")]
    [InlineData("""{"a":"${concat('a','b')}"}""")]
    [InlineData("""{"a":"${if(x, 1, 2)}"}""")]
    [InlineData("""{"a":"${x + 1}"}""")]
    [InlineData("""{"a":"${arr[0]}"}""")]
    [InlineData("""{"a":"${$host.x}"}""")]
    [InlineData("""{"a":"${x"}""")]
    [InlineData("""{"a":"${}"}""")]
    [InlineData("""{"a":"${'unterminated}"}""")]
    [InlineData("""{"a":"tick ` ${x}"}""")]
    [InlineData("""{"$when":"true","a":1}""")]
    [InlineData("""{"$when":"x ${flag}","a":1}""")]
    [InlineData("""{"$data":[1,2],"a":1}""")]
    [InlineData("""{"$host":"${x}","a":1}""")]
    [InlineData("""{"a": """)]
    public void Unknown_constructs_fail_when_the_template_is_compiled(string template)
    {
        Assert.Throws<TemplateException>(() => CardTemplate.Compile("bad", template));
    }

    [Fact]
    public void Compile_error_names_the_template_and_the_location()
    {
        var ex = Assert.Throws<TemplateException>(() => CardTemplate.Compile("answer", """{"body":[{"text":"${nope(1)}"}]}"""));
        Assert.Contains("answer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.body[0].text", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_interpolated_into_text_fails_at_bind_like_the_reference_library()
    {
        var template = CardTemplate.Compile("t", """{"a":"x ${nul}"}""");
        Assert.Throws<InvalidOperationException>(() => template.Bind(JsonNode.Parse("""{"nul":null}""")));
    }
}
