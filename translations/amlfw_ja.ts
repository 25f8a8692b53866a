<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>amlfw::AnswersValidator</name>
    <message>
        <source>The storage account name is empty: enter the name of the workspace&apos;s default storage account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too short: it must be 3 to 24 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too long (%2 characters): it must be 3 to 24 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains the upper-case letter &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cloud given: choose one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown cloud &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region given: choose a region of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; belongs to %2, not to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2. Did you mean &quot;%3&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2; &quot;amlfw regions --cloud %3&quot; lists the regions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Machine Learning is not offered in %1 (%2): check the region of the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;; known features: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::ArmExporter</name>
    <message>
        <source>&quot;%1&quot; is not a valid firewall policy name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid rule collection group name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule collection group priority %1 is out of range: use 100 to 65000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure location name (such as japaneast).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid route table name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (the firewall&apos;s private IP, such as 10.0.0.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default route through the firewall is added only to a new route table (--route-table new).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 matches the URL path %2: the policy needs TLS inspection configured (Premium tier, a CA certificate in Key Vault).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative for %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the firewall policy to create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the existing firewall policy in this resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location of the new resources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the rule collection group for Azure Machine Learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority of the rule collection group (100-65000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute needs user-defined routes (next hop: Internet) on its subnet&apos;s route table; this template does not create them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the route table to create for the compute subnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the compute subnet&apos;s existing route table in this resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address prefixes of the %1 service tag, from the &quot;Azure IP Ranges and Service Tags&quot; file of your cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the route prefix parameters from the current &quot;Azure IP Ranges and Service Tags&quot; file: they change over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private IP address of the Azure Firewall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associate the route table with the compute subnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet&apos;s network security group, which Azure creates; they are not firewall rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall rules for an Azure Machine Learning workspace: %1, %2. Generated by amlfw %3 from the article edition %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::AtomicFile</name>
    <message>
        <source>No output file given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: it is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the folder &quot;%2&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::AzureFirewall</name>
    <message>
        <source>Inbound (network security group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route (next hop: Internet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network rule (service tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application rule (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy; %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall application rules carry only Http and Https, so %1 on port(s) %2 needs a network rule with a destination FQDN. Network rules match FQDNs only when the firewall policy&apos;s DNS proxy is enabled and clients use the firewall for DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall Standard matches host names only: this rule allows all of %1, not just %2. To limit it to the path, use Azure Firewall Premium with TLS inspection and a target URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: a network rule to the %3 service tag on those ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: allow the concrete host names, or the IP addresses of the service, on those ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag that Azure knows. Alternative: check the tag name against the &quot;Azure IP Ranges and Service Tags&quot; file, or allow the addresses it lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service tag &quot;%1&quot; does not exist in this cloud. Alternative: allow the service&apos;s addresses from the cloud&apos;s &quot;Azure IP Ranges and Service Tags&quot; file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::Catalog</name>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (a text in English and Japanese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object with &quot;en&quot; and &quot;ja&quot; texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing English text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing Japanese translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid condition &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown feature id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id (lower-case letters, digits and hyphens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown placeholder &lt;%1&gt; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cloud &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name followed by a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the catalog file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog file is too large (%1 bytes; at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog is too large (%1 bytes; at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing format version (this amlfw reads format %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported format version %1 (this amlfw reads format %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (the article this catalog comes from)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cloud defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown feature group &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown section &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view (azure-firewall or other-firewalls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate service tag &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a severity (info or warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (an object with the regions of each cloud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lower-case letters and digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate region &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown geography &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paired region &quot;%1&quot; is not another region of this cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no region for cloud &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name at least one cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a direction (inbound or outbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind (service-tag, fqdn, url or route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol (TCP or UDP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a route has no protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port or port range (1-65535, such as 443 or 29876-29877)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a route has no ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is not one of the rule&apos;s ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only routes have a route method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown table &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown note &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown service tag &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule defined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::Cli</name>
    <message>
        <source>Language of the output and messages: en or ja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud: public, usgov or china.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region of the workspace, such as japaneast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the workspace&apos;s default storage account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated feature ids (&quot;amlfw features&quot; lists them); &quot;&quot; for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the inbound routes are written: service-tags (default) or ip-ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read answers from a profile file; flags override it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this rule catalog instead of the built-in one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rule catalog cannot be used (%1 problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use either --features or --all-features, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the features with --features a,b,c or --all-features (--features &quot;&quot; for none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method: use service-tags or ip-ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: amlfw &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firewall rules for an Azure Machine Learning workspace in a virtual network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rules a scenario needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an ARM template, CSV or JSON file for the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the feature ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the regions of a cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help; &quot;amlfw &lt;command&gt; --help&quot; for a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language: use en or ja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For table and markdown: firewall (Azure Firewall, default), hosts (other firewalls) or all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write (&quot;-&quot; for standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: create a new firewall policy (new, default) or add to an existing one (existing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: firewall policy name (default fwpol-aml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: rule collection group name (default AzureML).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: rule collection group priority, 100-65000 (default 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM and CSV: address prefixes of the AML compute subnet, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: location of new resources (default: the resource group&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: firewall policy tier, standard (default) or premium.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: routes in a new route table (default), an existing one, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: route table name (default rt-aml-compute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: the firewall&apos;s private IP; adds a default route through it to a new route table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM: leave out the service-tag rules that stand in for what Azure Firewall cannot express.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: purpose in English and Japanese columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: no UTF-8 byte order mark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; &quot;amlfw --help&quot; lists the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(&quot;amlfw %1 --help&quot; shows the options.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view: use firewall, hosts or all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;rules&quot;: use table, csv, json or markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the file format with --format arm, csv or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;export&quot;: use arm, csv or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the file to write with --output FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a policy mode: use new or existing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: --rcg-priority takes 100 to 65000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tier: use standard or premium.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route table mode: use new, existing or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 (%2 rules).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the cloud with --cloud %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure ML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geography</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::Condition</name>
    <message>
        <source>unexpected &quot;%1&quot; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a feature id at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a feature id at the end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::CsvExporter</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose (Japanese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::MainWindow</name>
    <message>
        <source>amlfw</source>
        <translation>amlfw</translation>
    </message>
    <message>
        <source>Rule catalog edition %1: %2 rows.</source>
        <translation>規則カタログ %1 版: %2 行。</translation>
    </message>
</context>
<context>
    <name>amlfw::Problem</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::Profile</name>
    <message>
        <source>cannot open the profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile is too large (%1 bytes; at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile is not valid JSON: %1 (at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported profile format (this amlfw reads format %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field, ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of feature ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language (en or ja)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::RuleGenerator</name>
    <message>
        <source>The rule catalog has errors and cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no paired region: the IP address routes cover the region&apos;s own prefixes only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::RuleLabels</name>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure ML compute subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route table of the compute subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (article: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::TextReport</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound to compute (network security group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User-defined routes on the compute subnet (next hop: Internet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network rules: service tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network rules: destination FQDNs (DNS proxy required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, storage account %3. Rules: %4 (always needed: %5). Catalog edition %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (always-needed rules only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes ([!])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Machine Learning firewall rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1 (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tables for other firewalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::Wizard</name>
    <message>
        <source>&quot;%1&quot; is not a language: use en or ja.</source>
        <translation>「%1」は言語ではありません。en または ja を指定してください。</translation>
    </message>
    <message>
        <source>cannot write the screenshot &quot;%1&quot;</source>
        <translation>スクリーンショット「%1」を書き込めません</translation>
    </message>
</context>
</TS>
