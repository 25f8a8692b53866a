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
    <name>amlfw::CheckCommand</name>
    <message>
        <source>STATUS</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Testing: %1 of %2 done, %3 failed, %4 in progress (Ctrl+C stops)</source>
        <translation>テスト中: %2 件中 %1 件完了、失敗 %3 件、実行中 %4 件 (Ctrl+C で中止)</translation>
    </message>
    <message>
        <source>Test every endpoint live from this machine (DNS, TCP, TLS, HTTP).</source>
        <translation>すべてのエンドポイントをこのコンピューターから実際にテストします (DNS、TCP、TLS、HTTP)。</translation>
    </message>
    <message>
        <source>Output format: table (default), json, csv or html.</source>
        <translation>出力形式: table (既定)、json、csv、html。</translation>
    </message>
    <message>
        <source>Write the report to this file (&quot;-&quot; for standard output); the live table stays on the terminal.</source>
        <translation>レポートをこのファイルに書き込みます (&quot;-&quot; は標準出力)。進行中の表はターミナルに表示されたままです。</translation>
    </message>
    <message>
        <source>Timeout of each stage in milliseconds, or per stage: dns=3000,tcp=5000,tls=5000,http=10000 (the defaults).</source>
        <translation>各段階のタイムアウト (ミリ秒)。段階ごとにも指定できます: dns=3000,tcp=5000,tls=5000,http=10000 (既定値)。</translation>
    </message>
    <message>
        <source>Endpoints tested at once, 1 to %1 (default %2).</source>
        <translation>同時にテストするエンドポイントの数。1 から %1 (既定 %2)。</translation>
    </message>
    <message>
        <source>How web traffic goes out: none (direct), system (the system&apos;s proxy setting, default) or http://[user:password@]host:port.</source>
        <translation>Web トラフィックの送信経路: none (直接)、system (システムのプロキシ設定、既定)、または http://[ユーザー:パスワード@]ホスト:ポート。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file (such as your TLS inspection&apos;s CA).</source>
        <translation>この PEM ファイルの CA 証明書も信頼します (TLS インスペクションの CA など)。</translation>
    </message>
    <message>
        <source>Test HOST for a wildcard or service tag destination, such as &apos;*.vault.azure.net=myvault.vault.azure.net&apos; (repeatable).</source>
        <translation>ワイルドカードまたはサービス タグの送信先の代わりに HOST をテストします。例: &apos;*.vault.azure.net=myvault.vault.azure.net&apos; (複数指定可)。</translation>
    </message>
    <message>
        <source>Use these addresses for HOST on PORT instead of asking DNS, as curl does; * for any port (repeatable).</source>
        <translation>curl と同じく、PORT の HOST には DNS に問い合わせずにこれらのアドレスを使います。* はすべてのポート (複数指定可)。</translation>
    </message>
    <message>
        <source>Connect to HOST2:PORT2 instead of HOST:PORT, as curl does; TLS and HTTP still name HOST. Empty parts match any host or port (repeatable).</source>
        <translation>curl と同じく、HOST:PORT の代わりに HOST2:PORT2 に接続します。TLS と HTTP では HOST の名前を使います。空の部分はすべてのホストまたはポートに一致します (複数指定可)。</translation>
    </message>
    <message>
        <source>A JSON report of an earlier run: show what changed since.</source>
        <translation>以前の実行の JSON レポート。それ以降に変わった点を示します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;check&quot;: use table, json, csv or html.</source>
        <translation>&quot;%1&quot; は &quot;check&quot; の形式ではありません。table、json、csv、html のいずれかを使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number from 1 to %2: --concurrency takes how many endpoints are tested at once.</source>
        <translation>&quot;%1&quot; は 1 から %2 の数値ではありません。--concurrency には同時にテストするエンドポイントの数を指定します。</translation>
    </message>
    <message>
        <source>stopped: endpoints not tested are marked CANCELLED.</source>
        <translation>中止しました。テストされなかったエンドポイントは CANCELLED になります。</translation>
    </message>
    <message>
        <source>wrote %1.</source>
        <translation>%1 を書き込みました。</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule catalog edition %1: %2 rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeBaseline</name>
    <message>
        <source>&quot;%1&quot; is not a JSON report of &quot;amlfw check&quot; (amlfw check --format json --output FILE).</source>
        <translation>&quot;%1&quot; は &quot;amlfw check&quot; の JSON レポートではありません (amlfw check --format json --output FILE)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a result without a rule id or with an unknown status.</source>
        <translation>&quot;%1&quot; に、規則 ID がないか状態が不明な結果があります。</translation>
    </message>
    <message>
        <source>Cannot read the baseline &quot;%1&quot;: %2</source>
        <translation>比較元 &quot;%1&quot; を読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeCatalog</name>
    <message>
        <source>must be an array of strings</source>
        <translation>文字列の配列である必要があります</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>空でない文字列である必要があります</translation>
    </message>
    <message>
        <source>unknown placeholder &lt;%1&gt; (known: %2)</source>
        <translation>不明なプレースホルダー &lt;%1&gt; です (使用できるもの: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name (wildcards cannot be tested)</source>
        <translation>&quot;%1&quot; はホスト名ではありません (ワイルドカードはテストできません)</translation>
    </message>
    <message>
        <source>must be an object keyed by destination</source>
        <translation>送信先をキーとするオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>no wildcard rule has the destination &quot;%1&quot;</source>
        <translation>送信先が &quot;%1&quot; のワイルドカード規則はありません</translation>
    </message>
    <message>
        <source>no service tag rule has the destination &quot;%1&quot;</source>
        <translation>送信先が &quot;%1&quot; のサービス タグ規則はありません</translation>
    </message>
    <message>
        <source>must be an object keyed by cloud id (or &quot;*&quot; for every cloud)</source>
        <translation>クラウド ID (すべてのクラウドは &quot;*&quot;) をキーとするオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>unknown cloud &quot;%1&quot;</source>
        <translation>不明なクラウド &quot;%1&quot; です</translation>
    </message>
    <message>
        <source>no rule with this destination applies to cloud &quot;%1&quot;</source>
        <translation>この送信先の規則はクラウド &quot;%1&quot; には適用されません</translation>
    </message>
    <message>
        <source>must be a host name</source>
        <translation>ホスト名である必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name that &quot;%2&quot; admits</source>
        <translation>&quot;%1&quot; は &quot;%2&quot; が許可する名前ではありません</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port</source>
        <translation>&quot;%1&quot; はポートではありません</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>配列である必要があります</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation>ID &quot;%1&quot; が重複しています</translation>
    </message>
    <message>
        <source>must list at least one host pattern</source>
        <translation>ホストのパターンを 1 つ以上指定する必要があります</translation>
    </message>
    <message>
        <source>must list at least one issuer</source>
        <translation>発行者を 1 つ以上指定する必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host pattern</source>
        <translation>&quot;%1&quot; はホストのパターンではありません</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeOptions</name>
    <message>
        <source>&quot;%1&quot; is not a proxy: use none, system or http://[user:password@]host:port.</source>
        <translation>&quot;%1&quot; はプロキシではありません。none、system、または http://[ユーザー:パスワード@]ホスト:ポート を使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only HTTP proxies (http://host:port) are supported, not %2.</source>
        <translation>&quot;%1&quot;: 対応しているのは HTTP プロキシ (http://ホスト:ポート) だけです。%2 には対応していません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: give the proxy&apos;s port, such as http://proxy.example.com:8080.</source>
        <translation>&quot;%1&quot;: プロキシのポートを指定してください (例: http://proxy.example.com:8080)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT:ADDRESS[,ADDRESS...] (such as api.example.com:443:10.0.0.5).</source>
        <translation>&quot;%1&quot; は HOST:PORT:ADDRESS[,ADDRESS...] の形式ではありません (例: api.example.com:443:10.0.0.5)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not an IP address.</source>
        <translation>&quot;%2&quot; の &quot;%1&quot; は IP アドレスではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT:HOST2:PORT2 (such as api.example.com:443:127.0.0.1:8443; empty parts match any host or port, or keep them).</source>
        <translation>&quot;%1&quot; は HOST:PORT:HOST2:PORT2 の形式ではありません (例: api.example.com:443:127.0.0.1:8443。空の部分はすべてのホストまたはポートに一致するか、元の値のままになります)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not WILDCARD=HOST (such as &apos;*.vault.azure.net=myvault.vault.azure.net&apos;).</source>
        <translation>&quot;%1&quot; は WILDCARD=HOST の形式ではありません (例: &apos;*.vault.azure.net=myvault.vault.azure.net&apos;)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name that can be tested (no wildcards).</source>
        <translation>&quot;%1&quot; はテストできるホスト名ではありません (ワイルドカードは使えません)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a wildcard destination such as *.vault.azure.net.</source>
        <translation>&quot;%1&quot; は *.vault.azure.net のようなワイルドカードの送信先ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timeout: give milliseconds from %2 to %3.</source>
        <translation>&quot;%1&quot; はタイムアウトではありません。%2 から %3 のミリ秒で指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stage: use dns, tcp, tls or http (such as dns=2000,tls=8000).</source>
        <translation>&quot;%1&quot; は段階ではありません。dns、tcp、tls、http のいずれかを使用してください (例: dns=2000,tls=8000)。</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle &quot;%1&quot;: %2</source>
        <translation>CA バンドル &quot;%1&quot; を読み取れません: %2</translation>
    </message>
    <message>
        <source>The CA bundle &quot;%1&quot; holds no certificate (PEM or DER).</source>
        <translation>CA バンドル &quot;%1&quot; に証明書 (PEM または DER) がありません。</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbePlanner</name>
    <message>
        <source>&quot;%1&quot; is not a name that &quot;%2&quot; admits: a sample must be one of the hosts the rule allows.</source>
        <translation>&quot;%1&quot; は &quot;%2&quot; が許可する名前ではありません。代わりにテストするホストは、その規則が許可するホストのいずれかである必要があります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a wildcard or service tag destination of this scenario: the sample is not used.</source>
        <translation>&quot;%1&quot; はこのシナリオのワイルドカードまたはサービス タグの送信先ではないため、指定したホストは使われません。</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeReport</name>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変化なし</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>修正済み</translation>
    </message>
    <message>
        <source>now failing</source>
        <translation>新たに失敗</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変化あり</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Host tested</source>
        <translation>テストしたホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>CNAMEs</source>
        <translation>CNAME</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間 (ミリ秒)</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>What to ask for</source>
        <translation>依頼する内容</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Baseline status</source>
        <translation>比較元の状態</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <source>In the baseline, not in this run.</source>
        <translation>比較元にはありますが、今回の実行にはありません。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Tested %1 of %2 endpoints from %3 in %4: %5 reachable, %6 failed, %7 not testable from here.</source>
        <translation>%3 から %2 件中 %1 件のエンドポイントを %4でテストしました: 到達可能 %5 件、失敗 %6 件、ここからテストできないもの %7 件。</translation>
    </message>
    <message>
        <source>Compared with %1 (%2): %3 fixed, %4 now failing, %5 changed, %6 new, %7 no longer tested.</source>
        <translation>%1 (%2) との比較: 修正済み %3 件、新たに失敗 %4 件、変化あり %5 件、新規 %6 件、テスト対象外になったもの %7 件。</translation>
    </message>
    <message>
        <source>What to ask for:</source>
        <translation>依頼する内容:</translation>
    </message>
    <message>
        <source>Endpoint test: %1</source>
        <translation>エンドポイントのテスト: %1</translation>
    </message>
    <message>
        <source>Endpoint test of the firewall rules for Azure Machine Learning</source>
        <translation>Azure Machine Learning のファイアウォール規則のエンドポイント テスト</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Storage account</source>
        <translation>ストレージ アカウント</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Catalog edition</source>
        <translation>カタログの版</translation>
    </message>
    <message>
        <source>Vantage point</source>
        <translation>テストした場所</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>コンピューター</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>オペレーティング システム</translation>
    </message>
    <message>
        <source>Proxy setting</source>
        <translation>プロキシ設定</translation>
    </message>
    <message>
        <source>Paths taken</source>
        <translation>使用した経路</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>%1 endpoints: %2 reachable, %3 failed, %4 not testable from here.</source>
        <translation>エンドポイント %1 件: 到達可能 %2 件、失敗 %3 件、ここからテストできないもの %4 件。</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Compared with the run of %1 on %2 (%3): %4 fixed, %5 now failing, %6 changed, %7 new, %8 no longer tested.</source>
        <translation>%2 での %1 の実行 (%3) との比較: 修正済み %4 件、新たに失敗 %5 件、変化あり %6 件、新規 %7 件、テスト対象外になったもの %8 件。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Ask for:</source>
        <translation>依頼する内容:</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>以前: %1</translation>
    </message>
    <message>
        <source>In the baseline, not in this run</source>
        <translation>比較元にはあり、今回の実行にはないもの</translation>
    </message>
    <message>
        <source>Made by amlfw %1 from the catalog of the article &quot;%2&quot; (edition %3). Tests from one machine show what its network allows; the compute in Azure goes through the firewall&apos;s rules.</source>
        <translation>amlfw %1 が記事「%2」のカタログ (%3 版) から作成しました。1 台のコンピューターからのテストは、そのネットワークで許可されている通信を示すものです。Azure のコンピューティングの通信はファイアウォールの規則に従います。</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeResultModel</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Host tested</source>
        <translation>テストしたホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeTexts</name>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>テスト中</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>Name not resolved</source>
        <translation>名前を解決できない</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>ルートなし</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS 失敗</translation>
    </message>
    <message>
        <source>TLS timed out</source>
        <translation>TLS タイムアウト</translation>
    </message>
    <message>
        <source>TLS inspected</source>
        <translation>TLS インスペクションあり</translation>
    </message>
    <message>
        <source>No HTTP answer</source>
        <translation>HTTP の応答なし</translation>
    </message>
    <message>
        <source>Blocked by a firewall or proxy</source>
        <translation>ファイアウォールまたはプロキシがブロック</translation>
    </message>
    <message>
        <source>Proxy wants credentials</source>
        <translation>プロキシが資格情報を要求</translation>
    </message>
    <message>
        <source>Proxy failed</source>
        <translation>プロキシの失敗</translation>
    </message>
    <message>
        <source>Not testable from here</source>
        <translation>ここからはテスト不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Inbound traffic comes from Azure to the compute subnet: it cannot be tested from this machine.</source>
        <translation>受信トラフィックは Azure からコンピューティングのサブネットに届くため、このコンピューターからはテストできません。</translation>
    </message>
    <message>
        <source>A user-defined route of the compute subnet: it is configured in the route table, not tested from this machine.</source>
        <translation>コンピューティングのサブネットのユーザー定義のルートです。ルート テーブルで構成するもので、このコンピューターからはテストしません。</translation>
    </message>
    <message>
        <source>UDP has no connection to test.</source>
        <translation>UDP にはテストする接続がありません。</translation>
    </message>
    <message>
        <source>A wildcard cannot be tested as such, and no concrete host can be derived from your answers: give one to test (amlfw check --sample &apos;%1=HOST&apos;).</source>
        <translation>ワイルドカードはそのままではテストできず、回答から具体的なホストを導き出すこともできません。テストするホストを指定してください (amlfw check --sample &apos;%1=HOST&apos;)。</translation>
    </message>
    <message>
        <source>A service tag is a set of address ranges, and amlfw knows no representative host for %1: give one to test (amlfw check --sample &apos;%1=HOST&apos;).</source>
        <translation>サービス タグはアドレス範囲の集まりで、amlfw は %1 の代表的なホストを知りません。テストするホストを指定してください (amlfw check --sample &apos;%1=HOST&apos;)。</translation>
    </message>
    <message>
        <source>%1 stands for %2: a host of your storage account.</source>
        <translation>%1 で %2 を代表させています: ご使用のストレージ アカウントのホストです。</translation>
    </message>
    <message>
        <source>%1 stands for %2: the host you gave.</source>
        <translation>%1 で %2 を代表させています: 指定されたホストです。</translation>
    </message>
    <message>
        <source>%1 stands for the service tag %2: a host within its address ranges. Other addresses of the tag are not tested.</source>
        <translation>%1 でサービス タグ %2 を代表させています: そのアドレス範囲内のホストです。タグのほかのアドレスはテストしていません。</translation>
    </message>
    <message>
        <source>public</source>
        <translation>パブリック</translation>
    </message>
    <message>
        <source>private</source>
        <translation>プライベート</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>ループバック</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>リンクローカル</translation>
    </message>
    <message>
        <source>[pinned]</source>
        <translation>[固定]</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未試行</translation>
    </message>
    <message>
        <source>connected in %1</source>
        <translation>%1 で接続</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>no answer within %1</source>
        <translation>%1 以内に応答なし</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>certificate %1 issued by %2</source>
        <translation>証明書 %1、発行者 %2</translation>
    </message>
    <message>
        <source>no handshake</source>
        <translation>ハンドシェイクなし</translation>
    </message>
    <message>
        <source>%1: connection closed without an answer</source>
        <translation>%1: 応答なしで接続が閉じられました</translation>
    </message>
    <message>
        <source>%1: no answer</source>
        <translation>%1: 応答なし</translation>
    </message>
    <message>
        <source>%1: not an HTTP answer</source>
        <translation>%1: HTTP の応答ではありません</translation>
    </message>
    <message>
        <source>proxy %1 (system setting)</source>
        <translation>プロキシ %1 (システム設定)</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>プロキシ %1</translation>
    </message>
    <message>
        <source>proxy %1 (not supported)</source>
        <translation>プロキシ %1 (非対応)</translation>
    </message>
    <message>
        <source>direct (the proxy carries web traffic only)</source>
        <translation>直接 (プロキシは Web トラフィックだけを中継します)</translation>
    </message>
    <message>
        <source>direct (no system proxy for this address)</source>
        <translation>直接 (このアドレスにはシステムのプロキシなし)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>%1 へ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>Reachable: the connection opens, the certificate is trusted and the service answers.</source>
        <translation>到達可能: 接続が確立し、証明書が信頼され、サービスが応答します。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens and the service answers.</source>
        <translation>到達可能: 接続が確立し、サービスが応答します。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens and the certificate is trusted.</source>
        <translation>到達可能: 接続が確立し、証明書が信頼されます。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens.</source>
        <translation>到達可能: 接続が確立します。</translation>
    </message>
    <message>
        <source>This machine got no DNS answer for %1 in time.</source>
        <translation>このコンピューターは %1 について時間内に DNS の応答を得られませんでした。</translation>
    </message>
    <message>
        <source>This machine cannot resolve the name %1.</source>
        <translation>このコンピューターは名前 %1 を解決できません。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused: a firewall in the path rejects it, or nothing listens there.</source>
        <translation>%1 への接続が拒否されました。経路上のファイアウォールが拒否しているか、接続先で何も待ち受けていません。</translation>
    </message>
    <message>
        <source>The connection to %1 got no answer: a firewall in the path most likely drops it.</source>
        <translation>%1 への接続に応答がありません。経路上のファイアウォールが破棄している可能性が高いです。</translation>
    </message>
    <message>
        <source>There is no route from this machine to the addresses of %1.</source>
        <translation>このコンピューターから %1 のアドレスへのルートがありません。</translation>
    </message>
    <message>
        <source>The certificate is not trusted by this machine, and it was issued by %1, not by an issuer of this service: most likely a firewall or proxy inspects TLS with a certificate this machine does not trust.</source>
        <translation>証明書はこのコンピューターで信頼されておらず、発行者はこのサービスの発行者ではなく %1 です。ファイアウォールまたはプロキシが、このコンピューターの信頼しない証明書で TLS インスペクションを行っている可能性が高いです。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this machine, so the connection was not used.</source>
        <translation>%1 の証明書はこのコンピューターで信頼されていないため、接続を使用しませんでした。</translation>
    </message>
    <message>
        <source>The connection was closed during the TLS handshake: a firewall that filters by host name (SNI) most likely refused %1.</source>
        <translation>TLS ハンドシェイク中に接続が閉じられました。ホスト名 (SNI) でフィルターするファイアウォールが %1 を拒否した可能性が高いです。</translation>
    </message>
    <message>
        <source>TLS is not available in this installation of amlfw (the OpenSSL plugin is missing).</source>
        <translation>このインストールの amlfw では TLS を使用できません (OpenSSL プラグインがありません)。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed.</source>
        <translation>%1 との TLS ハンドシェイクが失敗しました。</translation>
    </message>
    <message>
        <source>The connection opened, but the TLS handshake did not finish in time: something accepts the connection and then holds it, as firewalls and proxies that filter by host name do.</source>
        <translation>接続は確立しましたが、TLS ハンドシェイクが時間内に終わりませんでした。ホスト名でフィルターするファイアウォールやプロキシのように、何かが接続を受け付けたまま保留しています。</translation>
    </message>
    <message>
        <source>The connection works, but the certificate was issued by %1, not by an issuer of this service: a firewall or proxy decrypts and inspects this traffic.</source>
        <translation>接続はできますが、証明書の発行者はこのサービスの発行者ではなく %1 です。ファイアウォールまたはプロキシがこのトラフィックを復号して検査しています。</translation>
    </message>
    <message>
        <source>The connection opened, but no usable HTTP answer came back: something in the path drops the request.</source>
        <translation>接続は確立しましたが、使える HTTP の応答が返りませんでした。経路上の何かが要求を破棄しています。</translation>
    </message>
    <message>
        <source>A firewall or proxy answered in place of the service and refused the request (HTTP %1).</source>
        <translation>サービスの代わりにファイアウォールまたはプロキシが応答し、要求を拒否しました (HTTP %1)。</translation>
    </message>
    <message>
        <source>The proxy did not accept the credentials given.</source>
        <translation>プロキシは指定された資格情報を受け付けませんでした。</translation>
    </message>
    <message>
        <source>The proxy asks for credentials before it lets the request through.</source>
        <translation>プロキシは要求を通す前に資格情報を求めています。</translation>
    </message>
    <message>
        <source>The system proxy %1 is of a kind amlfw does not speak (only HTTP proxies).</source>
        <translation>システムのプロキシ %1 は amlfw が対応していない種類です (対応は HTTP プロキシのみ)。</translation>
    </message>
    <message>
        <source>The proxy&apos;s name %1 cannot be resolved.</source>
        <translation>プロキシの名前 %1 を解決できません。</translation>
    </message>
    <message>
        <source>The proxy %1 cannot be reached.</source>
        <translation>プロキシ %1 に到達できません。</translation>
    </message>
    <message>
        <source>The proxy could not reach %1 (it answered %2).</source>
        <translation>プロキシは %1 に到達できませんでした (応答 %2)。</translation>
    </message>
    <message>
        <source>The proxy did not answer in time.</source>
        <translation>プロキシが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The proxy closed the connection or gave no valid answer.</source>
        <translation>プロキシが接続を閉じたか、有効な応答を返しませんでした。</translation>
    </message>
    <message>
        <source>The test was stopped before this endpoint finished.</source>
        <translation>このエンドポイントのテストが終わる前に中止されました。</translation>
    </message>
    <message>
        <source>Ask the firewall team to allow %1 on port %2 from this network (in Azure Firewall: an application rule, amlfw rule %3).</source>
        <translation>このネットワークからポート %2 の %1 を許可するよう、ファイアウォールの担当者に依頼してください (Azure Firewall ではアプリケーション規則、amlfw の規則 %3)。</translation>
    </message>
    <message>
        <source>Ask the firewall team to allow TCP %1 to %2 from this network (in Azure Firewall: a network rule, amlfw rule %3).</source>
        <translation>このネットワークから %2 への TCP %1 を許可するよう、ファイアウォールの担当者に依頼してください (Azure Firewall ではネットワーク規則、amlfw の規則 %3)。</translation>
    </message>
    <message>
        <source>Ask the DNS team to resolve %1 from this network: for a private endpoint, a private DNS zone (privatelink) linked to the network or a conditional forwarder to Azure DNS.</source>
        <translation>このネットワークから %1 を解決できるよう、DNS の担当者に依頼してください。プライベート エンドポイントの場合は、ネットワークにリンクされたプライベート DNS ゾーン (privatelink) または Azure DNS への条件付きフォワーダーが必要です。</translation>
    </message>
    <message>
        <source>Ask the DNS team to resolve %1 from this network (a forwarder to the internet or to Azure DNS).</source>
        <translation>このネットワークから %1 を解決できるよう、DNS の担当者に依頼してください (インターネットまたは Azure DNS へのフォワーダー)。</translation>
    </message>
    <message>
        <source>Ask the network team for a route to %1 through the firewall, or connect the VPN this machine uses.</source>
        <translation>ファイアウォールを経由する %1 へのルートをネットワークの担当者に依頼するか、このコンピューターが使用する VPN に接続してください。</translation>
    </message>
    <message>
        <source>Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support it. To test through the inspection anyway, give its CA with --ca-bundle.</source>
        <translation>%1 を TLS インスペクションの対象外にするよう、ファイアウォールの担当者に依頼してください。Azure Machine Learning は TLS インスペクションに対応していません。それでもインスペクション越しにテストするには、その CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s trusted certificates, or give the issuing CA with --ca-bundle.</source>
        <translation>このコンピューターの信頼された証明書を確認するか、発行元の CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Install amlfw with its TLS plugin (plugins/tls).</source>
        <translation>TLS プラグイン (plugins/tls) を含めて amlfw をインストールしてください。</translation>
    </message>
    <message>
        <source>Ask the firewall team for an application rule that allows %1 on HTTPS 443 (rule %2).</source>
        <translation>HTTPS 443 で %1 を許可するアプリケーション規則を、ファイアウォールの担当者に依頼してください (規則 %2)。</translation>
    </message>
    <message>
        <source>Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support it.</source>
        <translation>%1 を TLS インスペクションの対象外にするよう、ファイアウォールの担当者に依頼してください。Azure Machine Learning は TLS インスペクションに対応していません。</translation>
    </message>
    <message>
        <source>Ask the firewall team whether an application rule or web filter drops requests to %1 (rule %2).</source>
        <translation>%1 への要求をアプリケーション規則や Web フィルターが破棄していないか、ファイアウォールの担当者に確認してください (規則 %2)。</translation>
    </message>
    <message>
        <source>Ask the firewall or proxy team to allow %1 (an application rule, or the proxy&apos;s allow list; rule %2).</source>
        <translation>%1 を許可するよう、ファイアウォールまたはプロキシの担当者に依頼してください (アプリケーション規則、またはプロキシの許可リスト。規則 %2)。</translation>
    </message>
    <message>
        <source>The proxy asks for %1, which amlfw does not speak: ask the proxy team to allow %2 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシは amlfw が対応していない %1 を求めています。Azure のコンピューティングでもいずれ必要になるため、認証なしで %2 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Give the proxy credentials (--proxy http://user:password@host:port), or ask the proxy team to allow %1 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシの資格情報を指定するか (--proxy http://ユーザー:パスワード@ホスト:ポート)、Azure のコンピューティングでもいずれ必要になるため、認証なしで %1 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Ask the proxy team why the proxy cannot reach %1.</source>
        <translation>プロキシが %1 に到達できない理由をプロキシの担当者に確認してください。</translation>
    </message>
    <message>
        <source>Check the proxy setting (--proxy none, system or http://host:port).</source>
        <translation>プロキシの設定を確認してください (--proxy none、system、または http://ホスト:ポート)。</translation>
    </message>
    <message>
        <source>Give a concrete host to test it (--sample).</source>
        <translation>テストするには具体的なホストを指定してください (--sample)。</translation>
    </message>
    <message>
        <source>Run the test again.</source>
        <translation>テストをもう一度実行してください。</translation>
    </message>
    <message>
        <source>no DNS answer within %1</source>
        <translation>%1 以内に DNS の応答なし</translation>
    </message>
    <message>
        <source>resolver: %1</source>
        <translation>リゾルバー: %1</translation>
    </message>
    <message>
        <source>no TLS answer within %1</source>
        <translation>%1 以内に TLS の応答なし</translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation>証明書: %1</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>発行者 %1</translation>
    </message>
    <message>
        <source>expected: %1</source>
        <translation>想定される発行者: %1</translation>
    </message>
    <message>
        <source>the proxy answered CONNECT with %1</source>
        <translation>プロキシは CONNECT に %1 で応答しました</translation>
    </message>
    <message>
        <source>sign of a proxy: %1</source>
        <translation>プロキシの形跡: %1</translation>
    </message>
    <message>
        <source>authentication: %1</source>
        <translation>認証: %1</translation>
    </message>
    <message>
        <source>The name points to a private link zone but resolves to a public address: this machine does not see the private endpoint&apos;s DNS record (private DNS zone not linked, or no conditional forwarder).</source>
        <translation>名前はプライベート リンクのゾーンを指していますが、パブリック アドレスに解決されます。このコンピューターからはプライベート エンドポイントの DNS レコードが見えません (プライベート DNS ゾーンがリンクされていないか、条件付きフォワーダーがありません)。</translation>
    </message>
    <message>
        <source>Resolves to a private address: the traffic goes to a private endpoint or through your network, not to the internet.</source>
        <translation>プライベート アドレスに解決されます。トラフィックはインターネットではなく、プライベート エンドポイントまたは社内ネットワークを通ります。</translation>
    </message>
    <message>
        <source>This machine cannot resolve the name itself; the proxy does.</source>
        <translation>このコンピューター自身は名前を解決できません。解決はプロキシが行います。</translation>
    </message>
    <message>
        <source>Tested directly: a proxy carries web traffic only, not port %1.</source>
        <translation>直接テストしました。プロキシが中継するのは Web トラフィックだけで、ポート %1 は中継しません。</translation>
    </message>
    <message>
        <source>IPv6 fails while IPv4 works: programs that prefer IPv6 may wait or fail.</source>
        <translation>IPv4 は使えますが IPv6 は失敗します。IPv6 を優先するプログラムは待たされるか失敗することがあります。</translation>
    </message>
    <message>
        <source>IPv4 fails while IPv6 works: programs that use IPv4 will fail.</source>
        <translation>IPv6 は使えますが IPv4 は失敗します。IPv4 を使うプログラムは失敗します。</translation>
    </message>
    <message>
        <source>none: direct connections</source>
        <translation>なし: 直接接続</translation>
    </message>
    <message>
        <source>the system&apos;s proxy setting</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>%1 stands for %2: the host of your region.</source>
        <translation>%1 で %2 を代表させています: ご使用のリージョンのホストです。</translation>
    </message>
    <message>
        <source>%1 stands for %2: a well-known host of the wildcard.</source>
        <translation>%1 で %2 を代表させています: このワイルドカードのよく知られたホストです。</translation>
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
</TS>
