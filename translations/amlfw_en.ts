<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>amlfw::AzCliExporter</name>
    <message numerus="yes">
        <source>Collection %1 (priority %2): %n rule(s).</source>
        <translation>
            <numerusform>Collection %1 (priority %2): %n rule.</numerusform>
            <numerusform>Collection %1 (priority %2): %n rules.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address prefix(es) from %1 (%2).</source>
        <translation>
            <numerusform>%n address prefix from %1 (%2).</numerusform>
            <numerusform>%n address prefixes from %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::Cli</name>
    <message numerus="yes">
        <source>the rule catalog cannot be used (%n problem(s)).</source>
        <translation>
            <numerusform>the rule catalog cannot be used (%n problem).</numerusform>
            <numerusform>the rule catalog cannot be used (%n problems).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %1 (%n rule(s)).</source>
        <translation>
            <numerusform>wrote %1 (%n rule).</numerusform>
            <numerusform>wrote %1 (%n rules).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::CloudPage</name>
    <message numerus="yes">
        <source>%n region(s), %1 of them with Azure Machine Learning · storage host names end in .%2</source>
        <translation>
            <numerusform>%n region, %1 of them with Azure Machine Learning · storage host names end in .%2</numerusform>
            <numerusform>%n regions, %1 of them with Azure Machine Learning · storage host names end in .%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::CsvExporter</name>
    <message numerus="yes">
        <source>… %n more (the JSON export lists them all)</source>
        <translation>
            <numerusform>… %n more (the JSON export lists it)</numerusform>
            <numerusform>… %n more (the JSON export lists them all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ExportPage</name>
    <message numerus="yes">
        <source>%1 with %n rule(s) saved to %2</source>
        <translation>
            <numerusform>%1 with %n rule saved to %2</numerusform>
            <numerusform>%1 with %n rules saved to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::FeaturesPage</name>
    <message numerus="yes">
        <source>changes %n rule(s)</source>
        <translation>
            <numerusform>changes %n rule</numerusform>
            <numerusform>changes %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n rule(s)</source>
        <translation>
            <numerusform>+%n rule</numerusform>
            <numerusform>+%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This choice needs %n rule(s), %1 of which every workspace needs.</source>
        <translation>
            <numerusform>This choice needs %n rule, %1 of which every workspace needs.</numerusform>
            <numerusform>This choice needs %n rules, %1 of which every workspace needs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::FqdnListExporter</name>
    <message numerus="yes">
        <source>%n host name(s), one per line.</source>
        <translation>
            <numerusform>%n host name, one per line.</numerusform>
            <numerusform>%n host names, one per line.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::GroupedFilterModel</name>
    <message numerus="yes">
        <source>%1 (%2 of %n)</source>
        <extracomment>A group of rules under a filter: its title, the rows shown, all its rows (&quot;Application rules (3 of 12)&quot;)</extracomment>
        <translation>
            <numerusform>%1 (%2 of %n)</numerusform>
            <numerusform>%1 (%2 of %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::IpListExporter</name>
    <message numerus="yes">
        <source>%1: %n prefix(es)</source>
        <translation>
            <numerusform>%1: %n prefix</numerusform>
            <numerusform>%1: %n prefixes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address prefix(es), one per line, without duplicates.</source>
        <translation>
            <numerusform>%n address prefix, one per line, without duplicates.</numerusform>
            <numerusform>%n address prefixes, one per line, without duplicates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestOptions</name>
    <message numerus="yes">
        <source>%1 of %n wildcard or service tag destination(s) without a host to test</source>
        <translation>
            <numerusform>%1 of %n wildcard or service tag destination without a host to test</numerusform>
            <numerusform>%1 of %n wildcard or service tag destinations without a host to test</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redirect(s)</source>
        <translation>
            <numerusform>%n redirect</numerusform>
            <numerusform>%n redirects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestPage</name>
    <message numerus="yes">
        <source>Not tested yet: %n endpoint(s), %1 of them testable from here.</source>
        <translation>
            <numerusform>Not tested yet: %n endpoint, %1 of them testable from here.</numerusform>
            <numerusform>Not tested yet: %n endpoints, %1 of them testable from here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n endpoint(s) tested · %2 reachable · %3 failed · %4 not testable from here</source>
        <translation>
            <numerusform>%1 of %n endpoint tested · %2 reachable · %3 failed · %4 not testable from here</numerusform>
            <numerusform>%1 of %n endpoints tested · %2 reachable · %3 failed · %4 not testable from here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ManagedNetworkExporter</name>
    <message numerus="yes">
        <source>%n private endpoint rule(s) name their resource by placeholders (&lt;SUBSCRIPTION_ID&gt;, &lt;RESOURCE_GROUP&gt;): fill them in before applying the file.</source>
        <translation>
            <numerusform>%n private endpoint rule names its resource by placeholders (&lt;SUBSCRIPTION_ID&gt;, &lt;RESOURCE_GROUP&gt;): fill them in before applying the file.</numerusform>
            <numerusform>%n private endpoint rules name their resources by placeholders (&lt;SUBSCRIPTION_ID&gt;, &lt;RESOURCE_GROUP&gt;): fill them in before applying the file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeAdvice</name>
    <message numerus="yes">
        <source>%n rule(s): %1</source>
        <translation>
            <numerusform>%n rule: %1</numerusform>
            <numerusform>%n rules: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeReport</name>
    <message numerus="yes">
        <source>%n distinct endpoint(s) tested from %1: %2 reachable, %3 failed.</source>
        <translation>
            <numerusform>%n distinct endpoint tested from %1: %2 reachable, %3 failed.</numerusform>
            <numerusform>%n distinct endpoints tested from %1: %2 reachable, %3 failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They stand for %n rule row(s); %1 more not testable from here.</source>
        <translation>
            <numerusform>They stand for %n rule row; %1 more not testable from here.</numerusform>
            <numerusform>They stand for %n rule rows; %1 more not testable from here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n endpoint(s))</source>
        <translation>
            <numerusform>(%n endpoint)</numerusform>
            <numerusform>(%n endpoints)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tested %n distinct endpoint(s) from %1 in %2: %3 reachable, %4 failed.</source>
        <translation>
            <numerusform>Tested %n distinct endpoint from %1 in %2: %3 reachable, %4 failed.</numerusform>
            <numerusform>Tested %n distinct endpoints from %1 in %2: %3 reachable, %4 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::RuleDetails</name>
    <message numerus="yes">
        <source>%n rule(s) in other tabs match; the tab titles count them.</source>
        <translation>
            <numerusform>%n rule in another tab matches; the tab titles count it.</numerusform>
            <numerusform>%n rules in other tabs match; the tab titles count them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prefix(es) (%1)</source>
        <translation>
            <numerusform>%n prefix (%1)</numerusform>
            <numerusform>%n prefixes (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::RulesPage</name>
    <message numerus="yes">
        <source>%n rule(s): %1 inbound, %2 routes, %3 network rules with service tags, %4 with FQDNs, %5 application rules, %6 not expressible. %7 are always needed; %8 have notes.</source>
        <translation>
            <numerusform>%n rule: %1 inbound, %2 routes, %3 network rules with service tags, %4 with FQDNs, %5 application rules, %6 not expressible. %7 are always needed; %8 have notes.</numerusform>
            <numerusform>%n rules: %1 inbound, %2 routes, %3 network rules with service tags, %4 with FQDNs, %5 application rules, %6 not expressible. %7 are always needed; %8 have notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n rule(s) match the filter.</source>
        <translation>
            <numerusform>%1 of %n rule matches the filter.</numerusform>
            <numerusform>%1 of %n rules match the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ServiceTagsFile</name>
    <message numerus="yes">
        <source>%n more problem(s) in this file</source>
        <translation>
            <numerusform>%n more problem in this file</numerusform>
            <numerusform>%n more problems in this file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::TextReport</name>
    <message numerus="yes">
        <source>%n prefix(es)</source>
        <translation>
            <numerusform>%n prefix</numerusform>
            <numerusform>%n prefixes</numerusform>
        </translation>
    </message>
</context>
</TS>
