<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>amlfw::AnswersValidator</name>
    <message>
        <source>The storage account name is empty: enter the name of the workspace&apos;s default storage account.</source>
        <translation>ストレージ アカウント名が空です。ワークスペースの既定のストレージ アカウント名を入力してください。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too short: it must be 3 to 24 characters long.</source>
        <translation>ストレージ アカウント名「%1」は短すぎます。3 ～ 24 文字にする必要があります。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too long (%2 characters): it must be 3 to 24 characters long.</source>
        <translation>ストレージ アカウント名「%1」は長すぎます (%2 文字)。3 ～ 24 文字にする必要があります。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains the upper-case letter &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation>ストレージ アカウント名「%1」に大文字「%2」が含まれています。英小文字と数字だけを使用してください。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation>ストレージ アカウント名「%1」に「%2」が含まれています。英小文字と数字だけを使用してください。</translation>
    </message>
    <message>
        <source>No cloud given: choose one of %1.</source>
        <translation>クラウドが指定されていません。%1 のいずれかを選択してください。</translation>
    </message>
    <message>
        <source>Unknown cloud &quot;%1&quot;: choose one of %2.</source>
        <translation>不明なクラウド「%1」です。%2 のいずれかを選択してください。</translation>
    </message>
    <message>
        <source>No region given: choose a region of %1.</source>
        <translation>リージョンが指定されていません。%1 のリージョンを選択してください。</translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; belongs to %2, not to %3.</source>
        <translation>リージョン「%1」は %3 ではなく %2 のリージョンです。</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2. Did you mean &quot;%3&quot;?</source>
        <translation>%2 に「%1」というリージョンはありません。「%3」ではありませんか?</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2; &quot;amlfw regions --cloud %3&quot; lists the regions.</source>
        <translation>%2 に「%1」というリージョンはありません。リージョンの一覧は「amlfw regions --cloud %3」で表示できます。</translation>
    </message>
    <message>
        <source>Azure Machine Learning is not offered in %1 (%2): check the region of the workspace.</source>
        <translation>%1 (%2) では Azure Machine Learning が提供されていません。ワークスペースのリージョンを確認してください。</translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>不明な機能「%1」です。「%2」ではありませんか?</translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;; known features: %2.</source>
        <translation>不明な機能「%1」です。使用できる機能: %2。</translation>
    </message>
</context>
<context>
    <name>amlfw::ArmExporter</name>
    <message>
        <source>&quot;%1&quot; is not a valid firewall policy name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」はファイアウォール ポリシー名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid rule collection group name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」は規則コレクション グループ名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>The rule collection group priority %1 is out of range: use 100 to 65000.</source>
        <translation>規則コレクション グループの優先度 %1 は範囲外です。100 ～ 65000 を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation>「%1」は IP アドレスでも CIDR 範囲 (10.0.1.0/24 など) でもありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure location name (such as japaneast).</source>
        <translation>「%1」は Azure の場所の名前 (japaneast など) ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid route table name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」はルート テーブル名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (the firewall&apos;s private IP, such as 10.0.0.4).</source>
        <translation>「%1」は IPv4 アドレス (ファイアウォールのプライベート IP。10.0.0.4 など) ではありません。</translation>
    </message>
    <message>
        <source>The default route through the firewall is added only to a new route table (--route-table new).</source>
        <translation>ファイアウォールを経由する既定のルートは、新しいルート テーブル (--route-table new) にのみ追加されます。</translation>
    </message>
    <message>
        <source>Rule %1 matches the URL path %2: the policy needs TLS inspection configured (Premium tier, a CA certificate in Key Vault).</source>
        <translation>規則 %1 は URL パス %2 を照合します。ポリシーで TLS インスペクションを構成する必要があります (Premium レベル、Key Vault の CA 証明書)。</translation>
    </message>
    <message>
        <source>Alternative for %1 on %2: %3</source>
        <translation>%1 (%2) の代替: %3</translation>
    </message>
    <message>
        <source>Name of the firewall policy to create.</source>
        <translation>作成するファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Name of the existing firewall policy in this resource group.</source>
        <translation>このリソース グループにある既存のファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Location of the new resources.</source>
        <translation>新しいリソースの場所。</translation>
    </message>
    <message>
        <source>Name of the rule collection group for Azure Machine Learning.</source>
        <translation>Azure Machine Learning 用の規則コレクション グループの名前。</translation>
    </message>
    <message>
        <source>Priority of the rule collection group (100-65000).</source>
        <translation>規則コレクション グループの優先度 (100 ～ 65000)。</translation>
    </message>
    <message>
        <source>Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24.</source>
        <translation>Azure Machine Learning のコンピューティング サブネットのアドレス プレフィックス (10.0.1.0/24 など)。</translation>
    </message>
    <message>
        <source>Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.</source>
        <translation>一部の規則は送信先 FQDN を指定したネットワーク規則です。既存のファイアウォール ポリシーで DNS プロキシを有効にしてください。</translation>
    </message>
    <message>
        <source>Compute needs user-defined routes (next hop: Internet) on its subnet&apos;s route table; this template does not create them.</source>
        <translation>コンピューティングには、サブネットのルート テーブルにユーザー定義のルート (ネクスト ホップの種類: インターネット) が必要です。このテンプレートでは作成しません。</translation>
    </message>
    <message>
        <source>Name of the route table to create for the compute subnet.</source>
        <translation>コンピューティング サブネット用に作成するルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Name of the compute subnet&apos;s existing route table in this resource group.</source>
        <translation>このリソース グループにある、コンピューティング サブネットの既存のルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Address prefixes of the %1 service tag, from the &quot;Azure IP Ranges and Service Tags&quot; file of your cloud.</source>
        <translation>サービス タグ %1 のアドレス プレフィックス (ご使用のクラウドの「Azure IP Ranges and Service Tags」ファイルから取得)。</translation>
    </message>
    <message>
        <source>Fill the route prefix parameters from the current &quot;Azure IP Ranges and Service Tags&quot; file: they change over time.</source>
        <translation>ルートのプレフィックスのパラメーターには、最新の「Azure IP Ranges and Service Tags」ファイルの値を指定してください。アドレスは変わります。</translation>
    </message>
    <message>
        <source>Private IP address of the Azure Firewall.</source>
        <translation>Azure Firewall のプライベート IP アドレス。</translation>
    </message>
    <message>
        <source>Associate the route table with the compute subnet.</source>
        <translation>ルート テーブルをコンピューティング サブネットに関連付けてください。</translation>
    </message>
    <message>
        <source>Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet&apos;s network security group, which Azure creates; they are not firewall rules.</source>
        <translation>受信の規則 (BatchNodeManagement、AzureMachineLearning) は、Azure が作成するコンピューティング サブネットのネットワーク セキュリティ グループに属します。ファイアウォールの規則ではありません。</translation>
    </message>
    <message>
        <source>Azure Firewall rules for an Azure Machine Learning workspace: %1, %2. Generated by amlfw %3 from the article edition %4.</source>
        <translation>Azure Machine Learning ワークスペース用の Azure Firewall の規則: %1、%2。amlfw %3 が記事の %4 版から生成しました。</translation>
    </message>
</context>
<context>
    <name>amlfw::AtomicFile</name>
    <message>
        <source>No output file given.</source>
        <translation>出力ファイルが指定されていません。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: it is a folder.</source>
        <translation>「%1」に書き込めません。フォルダーです。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the folder &quot;%2&quot; does not exist.</source>
        <translation>「%1」に書き込めません。フォルダー「%2」が存在しません。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>「%1」に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot save &quot;%1&quot;: %2</source>
        <translation>「%1」を保存できません: %2</translation>
    </message>
</context>
<context>
    <name>amlfw::AzureFirewall</name>
    <message>
        <source>Inbound (network security group)</source>
        <translation>受信 (ネットワーク セキュリティ グループ)</translation>
    </message>
    <message>
        <source>Route (next hop: Internet)</source>
        <translation>ルート (ネクスト ホップの種類: インターネット)</translation>
    </message>
    <message>
        <source>Network rule (service tag)</source>
        <translation>ネットワーク規則 (サービス タグ)</translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy)</source>
        <translation>ネットワーク規則 (FQDN、DNS プロキシ)</translation>
    </message>
    <message>
        <source>Application rule</source>
        <translation>アプリケーション規則</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation>Azure Firewall では表現できません</translation>
    </message>
    <message>
        <source>Application rule (%1)</source>
        <translation>アプリケーション規則 (%1)</translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy; %1)</source>
        <translation>ネットワーク規則 (FQDN、DNS プロキシ、%1)</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall (%1)</source>
        <translation>Azure Firewall では表現できません (%1)</translation>
    </message>
    <message>
        <source>Azure Firewall application rules carry only Http and Https, so %1 on port(s) %2 needs a network rule with a destination FQDN. Network rules match FQDNs only when the firewall policy&apos;s DNS proxy is enabled and clients use the firewall for DNS.</source>
        <translation>Azure Firewall のアプリケーション規則は Http と Https しか扱えないため、ポート %2 の %1 には送信先 FQDN を指定したネットワーク規則が必要です。ネットワーク規則が FQDN と一致するのは、ファイアウォール ポリシーの DNS プロキシが有効で、クライアントがファイアウォールを DNS に使用する場合だけです。</translation>
    </message>
    <message>
        <source>Azure Firewall Standard matches host names only: this rule allows all of %1, not just %2. To limit it to the path, use Azure Firewall Premium with TLS inspection and a target URL.</source>
        <translation>Azure Firewall Standard が照合するのはホスト名だけです。この規則は %2 だけでなく %1 全体を許可します。パスに限定するには、TLS インスペクションとターゲット URL を使用した Azure Firewall Premium を使用してください。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: a network rule to the %3 service tag on those ports.</source>
        <translation>Azure Firewall では、ポート %2 の %1 を表現できません。アプリケーション規則は Http/Https だけを扱い、ネットワーク規則にはワイルドカードの FQDN を指定できません。代替: これらのポートでサービス タグ %3 へのネットワーク規則を使用します。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: allow the concrete host names, or the IP addresses of the service, on those ports.</source>
        <translation>Azure Firewall では、ポート %2 の %1 を表現できません。アプリケーション規則は Http/Https だけを扱い、ネットワーク規則にはワイルドカードの FQDN を指定できません。代替: これらのポートで具体的なホスト名、またはサービスの IP アドレスを許可します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag that Azure knows. Alternative: check the tag name against the &quot;Azure IP Ranges and Service Tags&quot; file, or allow the addresses it lists.</source>
        <translation>「%1」は Azure に存在するサービス タグではありません。代替: 「Azure IP Ranges and Service Tags」ファイルでタグ名を確認するか、ファイルに記載されたアドレスを許可します。</translation>
    </message>
    <message>
        <source>The service tag &quot;%1&quot; does not exist in this cloud. Alternative: allow the service&apos;s addresses from the cloud&apos;s &quot;Azure IP Ranges and Service Tags&quot; file.</source>
        <translation>サービス タグ「%1」はこのクラウドには存在しません。代替: クラウドの「Azure IP Ranges and Service Tags」ファイルにあるサービスのアドレスを許可します。</translation>
    </message>
</context>
<context>
    <name>amlfw::Catalog</name>
    <message>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>文字列である必要があります</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>空にはできません</translation>
    </message>
    <message>
        <source>missing (a text in English and Japanese)</source>
        <translation>ありません (英語と日本語のテキストが必要です)</translation>
    </message>
    <message>
        <source>must be an object with &quot;en&quot; and &quot;ja&quot; texts</source>
        <translation>&quot;en&quot; と &quot;ja&quot; のテキストを持つオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>missing English text</source>
        <translation>英語のテキストがありません</translation>
    </message>
    <message>
        <source>missing Japanese translation</source>
        <translation>日本語の翻訳がありません</translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation>文字列の配列である必要があります</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true または false である必要があります</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>配列である必要があります</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>invalid condition &quot;%1&quot;: %2</source>
        <translation>条件「%1」が正しくありません: %2</translation>
    </message>
    <message>
        <source>unknown feature id &quot;%1&quot;</source>
        <translation>不明な機能 ID「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id (lower-case letters, digits and hyphens)</source>
        <translation>「%1」は ID として使用できません (英小文字、数字、ハイフン)</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation>ID「%1」が重複しています</translation>
    </message>
    <message>
        <source>unknown placeholder &lt;%1&gt; (known: %2)</source>
        <translation>不明なプレースホルダー &lt;%1&gt; (使用できるもの: %2)</translation>
    </message>
    <message>
        <source>unknown cloud &quot;%1&quot;</source>
        <translation>不明なクラウド「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag name</source>
        <translation>「%1」はサービス タグ名ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation>「%1」はホスト名ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name followed by a path</source>
        <translation>「%1」はホスト名とパスの形式ではありません</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>%1 行 %2 列</translation>
    </message>
    <message>
        <source>cannot open the catalog file: %1</source>
        <translation>カタログ ファイルを開けません: %1</translation>
    </message>
    <message>
        <source>the catalog file is too large (%1 bytes; at most %2)</source>
        <translation>カタログ ファイルが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>the catalog is too large (%1 bytes; at most %2)</source>
        <translation>カタログが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON として正しくありません: %1</translation>
    </message>
    <message>
        <source>the catalog must be a JSON object</source>
        <translation>カタログは JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>missing format version (this amlfw reads format %1)</source>
        <translation>形式のバージョンがありません (この amlfw が読み込めるのは形式 %1 です)</translation>
    </message>
    <message>
        <source>unsupported format version %1 (this amlfw reads format %2)</source>
        <translation>形式のバージョン %1 はサポートされていません (この amlfw が読み込めるのは形式 %2 です)</translation>
    </message>
    <message>
        <source>missing (the article this catalog comes from)</source>
        <translation>ありません (このカタログの元になる記事)</translation>
    </message>
    <message>
        <source>no cloud defined</source>
        <translation>クラウドが定義されていません</translation>
    </message>
    <message>
        <source>unknown feature group &quot;%1&quot;</source>
        <translation>不明な機能グループ「%1」</translation>
    </message>
    <message>
        <source>unknown section &quot;%1&quot;</source>
        <translation>不明なセクション「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view (azure-firewall or other-firewalls)</source>
        <translation>「%1」はビューではありません (azure-firewall または other-firewalls)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port</source>
        <translation>「%1」はポートではありません</translation>
    </message>
    <message>
        <source>duplicate service tag &quot;%1&quot;</source>
        <translation>サービス タグ「%1」が重複しています</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a severity (info or warning)</source>
        <translation>「%1」は重大度ではありません (info または warning)</translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation>正の整数である必要があります</translation>
    </message>
    <message>
        <source>missing (an object with the regions of each cloud)</source>
        <translation>ありません (クラウドごとのリージョンを持つオブジェクト)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lower-case letters and digits)</source>
        <translation>「%1」はリージョン名ではありません (英小文字と数字)</translation>
    </message>
    <message>
        <source>duplicate region &quot;%1&quot;</source>
        <translation>リージョン「%1」が重複しています</translation>
    </message>
    <message>
        <source>unknown geography &quot;%1&quot;</source>
        <translation>不明な地域「%1」</translation>
    </message>
    <message>
        <source>paired region &quot;%1&quot; is not another region of this cloud</source>
        <translation>ペア リージョン「%1」は、このクラウドの別のリージョンではありません</translation>
    </message>
    <message>
        <source>no region for cloud &quot;%1&quot;</source>
        <translation>クラウド「%1」のリージョンがありません</translation>
    </message>
    <message>
        <source>must name at least one cloud</source>
        <translation>少なくとも 1 つのクラウドを指定する必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a direction (inbound or outbound)</source>
        <translation>「%1」は方向ではありません (inbound または outbound)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind (service-tag, fqdn, url or route)</source>
        <translation>「%1」は種類ではありません (service-tag、fqdn、url、route)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol (TCP or UDP)</source>
        <translation>「%1」はプロトコルではありません (TCP または UDP)</translation>
    </message>
    <message>
        <source>a route has no protocol</source>
        <translation>ルートにはプロトコルを指定しません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port or port range (1-65535, such as 443 or 29876-29877)</source>
        <translation>「%1」はポートでもポート範囲でもありません (1 ～ 65535。443 や 29876-29877 など)</translation>
    </message>
    <message>
        <source>must list at least one port</source>
        <translation>少なくとも 1 つのポートを指定する必要があります</translation>
    </message>
    <message>
        <source>a route has no ports</source>
        <translation>ルートにはポートを指定しません</translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is not one of the rule&apos;s ports</source>
        <translation>ポート「%1」は規則のポートに含まれていません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation>「%1」はルートの方式ではありません (service-tags または ip-ranges)</translation>
    </message>
    <message>
        <source>only routes have a route method</source>
        <translation>ルートの方式を指定できるのはルートだけです</translation>
    </message>
    <message>
        <source>unknown table &quot;%1&quot;</source>
        <translation>不明な表「%1」</translation>
    </message>
    <message>
        <source>unknown note &quot;%1&quot;</source>
        <translation>不明な注記「%1」</translation>
    </message>
    <message>
        <source>unknown service tag &quot;%1&quot;</source>
        <translation>不明なサービス タグ「%1」</translation>
    </message>
    <message>
        <source>no rule defined</source>
        <translation>規則が定義されていません</translation>
    </message>
</context>
<context>
    <name>amlfw::Cli</name>
    <message>
        <source>Language of the output and messages: en or ja.</source>
        <translation>出力とメッセージの言語: en または ja。</translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation>出力形式: %1。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Cloud: public, usgov or china.</source>
        <translation>クラウド: public、usgov、china のいずれか。</translation>
    </message>
    <message>
        <source>Region of the workspace, such as japaneast.</source>
        <translation>ワークスペースのリージョン (japaneast など)。</translation>
    </message>
    <message>
        <source>Name of the workspace&apos;s default storage account.</source>
        <translation>ワークスペースの既定のストレージ アカウント名。</translation>
    </message>
    <message>
        <source>Comma-separated feature ids (&quot;amlfw features&quot; lists them); &quot;&quot; for none.</source>
        <translation>機能 ID のコンマ区切りの一覧 (「amlfw features」で一覧表示)。なしの場合は &quot;&quot;。</translation>
    </message>
    <message>
        <source>Select every feature.</source>
        <translation>すべての機能を選択します。</translation>
    </message>
    <message>
        <source>How the inbound routes are written: service-tags (default) or ip-ranges.</source>
        <translation>受信のルートの記述方法: service-tags (既定) または ip-ranges。</translation>
    </message>
    <message>
        <source>Read answers from a profile file; flags override it.</source>
        <translation>プロファイル ファイルから回答を読み込みます。フラグで上書きできます。</translation>
    </message>
    <message>
        <source>Use this rule catalog instead of the built-in one.</source>
        <translation>組み込みのカタログの代わりに、この規則カタログを使用します。</translation>
    </message>
    <message>
        <source>the rule catalog cannot be used (%1 problems).</source>
        <translation>規則カタログを使用できません (問題 %1 件)。</translation>
    </message>
    <message>
        <source>use either --features or --all-features, not both.</source>
        <translation>--features と --all-features はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>choose the features with --features a,b,c or --all-features (--features &quot;&quot; for none).</source>
        <translation>--features a,b,c または --all-features で機能を選択してください (なしの場合は --features &quot;&quot;)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method: use service-tags or ip-ranges.</source>
        <translation>「%1」はルートの方式ではありません。service-tags または ip-ranges を指定してください。</translation>
    </message>
    <message>
        <source>Usage: amlfw &lt;command&gt; [options]</source>
        <translation>使用法: amlfw &lt;コマンド&gt; [オプション]</translation>
    </message>
    <message>
        <source>Firewall rules for an Azure Machine Learning workspace in a virtual network.</source>
        <translation>仮想ネットワーク内の Azure Machine Learning ワークスペース用のファイアウォールの規則。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Show the rules a scenario needs.</source>
        <translation>シナリオに必要な規則を表示します。</translation>
    </message>
    <message>
        <source>Write an ARM template, CSV or JSON file for the change.</source>
        <translation>変更用の ARM テンプレート、CSV、JSON ファイルを書き出します。</translation>
    </message>
    <message>
        <source>List the feature ids.</source>
        <translation>機能 ID を一覧表示します。</translation>
    </message>
    <message>
        <source>List the regions of a cloud.</source>
        <translation>クラウドのリージョンを一覧表示します。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Show help; &quot;amlfw &lt;command&gt; --help&quot; for a command.</source>
        <translation>ヘルプを表示します。コマンドのヘルプは「amlfw &lt;コマンド&gt; --help」。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>バージョンを表示します。</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>例:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language: use en or ja.</source>
        <translation>「%1」は言語ではありません。en または ja を指定してください。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>コマンド。</translation>
    </message>
    <message>
        <source>For table and markdown: firewall (Azure Firewall, default), hosts (other firewalls) or all.</source>
        <translation>table と markdown の場合: firewall (Azure Firewall、既定)、hosts (その他のファイアウォール)、all のいずれか。</translation>
    </message>
    <message>
        <source>File to write (&quot;-&quot; for standard output).</source>
        <translation>書き出すファイル (標準出力の場合は &quot;-&quot;)。</translation>
    </message>
    <message>
        <source>ARM: create a new firewall policy (new, default) or add to an existing one (existing).</source>
        <translation>ARM: 新しいファイアウォール ポリシーを作成する (new、既定) か、既存のポリシーに追加する (existing) か。</translation>
    </message>
    <message>
        <source>ARM: firewall policy name (default fwpol-aml).</source>
        <translation>ARM: ファイアウォール ポリシー名 (既定は fwpol-aml)。</translation>
    </message>
    <message>
        <source>ARM: rule collection group name (default AzureML).</source>
        <translation>ARM: 規則コレクション グループ名 (既定は AzureML)。</translation>
    </message>
    <message>
        <source>ARM: rule collection group priority, 100-65000 (default 500).</source>
        <translation>ARM: 規則コレクション グループの優先度 (100 ～ 65000、既定は 500)。</translation>
    </message>
    <message>
        <source>ARM and CSV: address prefixes of the AML compute subnet, comma-separated.</source>
        <translation>ARM と CSV: AML のコンピューティング サブネットのアドレス プレフィックス (コンマ区切り)。</translation>
    </message>
    <message>
        <source>ARM: location of new resources (default: the resource group&apos;s).</source>
        <translation>ARM: 新しいリソースの場所 (既定はリソース グループの場所)。</translation>
    </message>
    <message>
        <source>ARM: firewall policy tier, standard (default) or premium.</source>
        <translation>ARM: ファイアウォール ポリシーのレベル。standard (既定) または premium。</translation>
    </message>
    <message>
        <source>ARM: routes in a new route table (default), an existing one, or none.</source>
        <translation>ARM: ルートを新しいルート テーブル (既定)、既存のルート テーブルのどちらに作成するか、または作成しない (none) か。</translation>
    </message>
    <message>
        <source>ARM: route table name (default rt-aml-compute).</source>
        <translation>ARM: ルート テーブル名 (既定は rt-aml-compute)。</translation>
    </message>
    <message>
        <source>ARM: the firewall&apos;s private IP; adds a default route through it to a new route table.</source>
        <translation>ARM: ファイアウォールのプライベート IP。新しいルート テーブルに、ファイアウォールを経由する既定のルートを追加します。</translation>
    </message>
    <message>
        <source>ARM: leave out the service-tag rules that stand in for what Azure Firewall cannot express.</source>
        <translation>ARM: Azure Firewall で表現できない規則の代わりとなるサービス タグの規則を含めません。</translation>
    </message>
    <message>
        <source>CSV: purpose in English and Japanese columns.</source>
        <translation>CSV: 目的を英語と日本語の列に出力します。</translation>
    </message>
    <message>
        <source>CSV: no UTF-8 byte order mark.</source>
        <translation>CSV: UTF-8 のバイト オーダー マークを付けません。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; &quot;amlfw --help&quot; lists the commands.</source>
        <translation>不明なコマンド「%1」です。コマンドの一覧は「amlfw --help」で表示できます。</translation>
    </message>
    <message>
        <source>(&quot;amlfw %1 --help&quot; shows the options.)</source>
        <translation>(オプションは「amlfw %1 --help」で表示できます。)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>予期しない引数「%1」です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view: use firewall, hosts or all.</source>
        <translation>「%1」はビューではありません。firewall、hosts、all のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;rules&quot;: use table, csv, json or markdown.</source>
        <translation>「%1」は「rules」の形式ではありません。table、csv、json、markdown のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>choose the file format with --format arm, csv or json.</source>
        <translation>--format arm、csv、json のいずれかでファイル形式を選択してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;export&quot;: use arm, csv or json.</source>
        <translation>「%1」は「export」の形式ではありません。arm、csv、json のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>name the file to write with --output FILE.</source>
        <translation>--output FILE で書き出すファイルを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a policy mode: use new or existing.</source>
        <translation>「%1」はポリシーのモードではありません。new または existing を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: --rcg-priority takes 100 to 65000.</source>
        <translation>「%1」は数値ではありません。--rcg-priority には 100 ～ 65000 を指定します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tier: use standard or premium.</source>
        <translation>「%1」はレベルではありません。standard または premium を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route table mode: use new, existing or none.</source>
        <translation>「%1」はルート テーブルのモードではありません。new、existing、none のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation>「%1」は IP アドレスでも CIDR 範囲 (10.0.1.0/24 など) でもありません。</translation>
    </message>
    <message>
        <source>wrote %1 (%2 rules).</source>
        <translation>%1 を書き出しました (規則 %2 件)。</translation>
    </message>
    <message>
        <source>Includes: %1</source>
        <translation>含まれる機能: %1</translation>
    </message>
    <message>
        <source>choose the cloud with --cloud %1.</source>
        <translation>--cloud %1 でクラウドを選択してください。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Azure ML</source>
        <translation>Azure ML</translation>
    </message>
    <message>
        <source>Paired region</source>
        <translation>ペア リージョン</translation>
    </message>
    <message>
        <source>Geography</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>amlfw::Condition</name>
    <message>
        <source>unexpected &quot;%1&quot; at position %2</source>
        <translation>位置 %2 に予期しない「%1」があります</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>missing &quot;)&quot;</source>
        <translation>「)」がありません</translation>
    </message>
    <message>
        <source>expected a feature id at position %1</source>
        <translation>位置 %1 に機能 ID が必要です</translation>
    </message>
    <message>
        <source>expected a feature id at the end</source>
        <translation>末尾に機能 ID が必要です</translation>
    </message>
</context>
<context>
    <name>amlfw::CsvExporter</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Rule type</source>
        <translation>規則の種類</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Purpose (English)</source>
        <translation>目的 (英語)</translation>
    </message>
    <message>
        <source>Purpose (Japanese)</source>
        <translation>目的 (日本語)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Article section</source>
        <translation>記事のセクション</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
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
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>amlfw::Profile</name>
    <message>
        <source>cannot open the profile: %1</source>
        <translation>プロファイルを開けません: %1</translation>
    </message>
    <message>
        <source>the profile is too large (%1 bytes; at most %2)</source>
        <translation>プロファイルが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>the profile is not valid JSON: %1 (at byte %2)</source>
        <translation>プロファイルが JSON として正しくありません: %1 (%2 バイト目)</translation>
    </message>
    <message>
        <source>the profile must be a JSON object</source>
        <translation>プロファイルは JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>unsupported profile format (this amlfw reads format %1)</source>
        <translation>サポートされていないプロファイルの形式です (この amlfw が読み込めるのは形式 %1 です)</translation>
    </message>
    <message>
        <source>unknown field, ignored</source>
        <translation>不明なフィールドです。無視します</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>文字列である必要があります</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>長すぎます</translation>
    </message>
    <message>
        <source>must be an array of feature ids</source>
        <translation>機能 ID の配列である必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation>「%1」はルートの方式ではありません (service-tags または ip-ranges)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language (en or ja)</source>
        <translation>「%1」は言語ではありません (en または ja)</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleGenerator</name>
    <message>
        <source>The rule catalog has errors and cannot be used.</source>
        <translation>規則カタログにエラーがあるため使用できません。</translation>
    </message>
    <message>
        <source>%1 has no paired region: the IP address routes cover the region&apos;s own prefixes only.</source>
        <translation>%1 にはペア リージョンがありません。IP アドレス ルートには、このリージョン自体のプレフィックスだけが含まれます。</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleLabels</name>
    <message>
        <source>Inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Service tag</source>
        <translation>サービス タグ</translation>
    </message>
    <message>
        <source>FQDN</source>
        <translation>FQDN</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>ルート</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>常に必要</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Azure ML compute subnet</source>
        <translation>Azure ML のコンピューティング サブネット</translation>
    </message>
    <message>
        <source>Route table of the compute subnet</source>
        <translation>コンピューティング サブネットのルート テーブル</translation>
    </message>
    <message>
        <source>%1 (article: %2)</source>
        <translation>%1 (記事の記載: %2)</translation>
    </message>
</context>
<context>
    <name>amlfw::TextReport</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Inbound to compute (network security group)</source>
        <translation>コンピューティングへの受信 (ネットワーク セキュリティ グループ)</translation>
    </message>
    <message>
        <source>User-defined routes on the compute subnet (next hop: Internet)</source>
        <translation>コンピューティング サブネットのユーザー定義のルート (ネクスト ホップの種類: インターネット)</translation>
    </message>
    <message>
        <source>Network rules: service tags</source>
        <translation>ネットワーク規則: サービス タグ</translation>
    </message>
    <message>
        <source>Network rules: destination FQDNs (DNS proxy required)</source>
        <translation>ネットワーク規則: 送信先 FQDN (DNS プロキシが必要)</translation>
    </message>
    <message>
        <source>Application rules</source>
        <translation>アプリケーション規則</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation>Azure Firewall では表現できないもの</translation>
    </message>
    <message>
        <source>%1, %2, storage account %3. Rules: %4 (always needed: %5). Catalog edition %6.</source>
        <translation>%1、%2、ストレージ アカウント %3。規則: %4 件 (常に必要: %5 件)。カタログ: %6 版。</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>機能: %1</translation>
    </message>
    <message>
        <source>none (always-needed rules only)</source>
        <translation>なし (常に必要な規則のみ)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Notes ([!])</source>
        <translation>注記 ([!])</translation>
    </message>
    <message>
        <source>About this scenario</source>
        <translation>このシナリオについて</translation>
    </message>
    <message>
        <source>Azure Machine Learning firewall rules</source>
        <translation>Azure Machine Learning のファイアウォールの規則</translation>
    </message>
    <message>
        <source>Source: %1 (%2, %3).</source>
        <translation>出典: %1 (%2、%3)。</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Host tables for other firewalls</source>
        <translation>その他のファイアウォール用のホストの表</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Rules: %1</source>
        <translation>規則: %1</translation>
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
