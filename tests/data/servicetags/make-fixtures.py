#!/usr/bin/env python3
"""Writes the service tags fixtures: files shaped like Microsoft's weekly "Azure IP Ranges and Service
Tags" downloads (and `az network list-service-tags`), holding every tag the catalogs name for one
region per cloud and its pair, with documentation address ranges (RFC 5737, RFC 3849) so nothing in
them can be mistaken for a real Azure address. Run it after a catalog names a new tag."""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..', '..', '..'))
catalogs = [json.load(open(os.path.join(root, 'resources', 'catalog', f'amlfw-catalog-{e}.json'), encoding='utf-8'))
            for e in ('2021-11', '2026-03')]
clouds = {'public': ('Public', 'japaneast', '20261130', 412),
          'usgov': ('AzureGovernment', 'usgovvirginia', '20261130', 287),
          'china': ('China', 'chinaeast2', '20261130', 198)}
# The file spells regions as Azure's display-less names with capitals in the tag: Storage.JapanEast.
spelled = {'japaneast': 'JapanEast', 'japanwest': 'JapanWest', 'usgovvirginia': 'USGovVirginia',
           'usgovtexas': 'USGovTexas', 'chinaeast2': 'ChinaEast2', 'chinanorth2': 'ChinaNorth2'}

for cloud, (file_cloud, region, day, change) in clouds.items():
    pair = next(r['pair'] for r in catalogs[1]['regions'][cloud] if r['name'] == region)
    tags = set()
    for c in catalogs:
        for rule in c['rules']:
            if rule.get('kind') in ('service-tag', 'route') and '<' not in rule['destination'].replace('<region>', '').replace('<pair>', ''):
                d = rule['destination']
                if d in ('VirtualNetwork', 'Internet'):
                    continue
                for r in (region, pair):
                    tags.add(d.replace('<region>', region).replace('<pair>', pair) if '<' in d else d)
        for t in c.get('serviceTags', []):
            pass
    tags |= {'AzureCloud', 'Storage'}
    values = []
    for n, tag in enumerate(sorted(tags, key=str.lower)):
        base, _, reg = tag.partition('.')
        name = base + ('.' + spelled.get(reg, reg) if reg else '')
        if base == 'AzureFrontDoor':
            name = tag
        a, b = divmod(n, 200)
        prefixes = [f'192.0.2.{(n * 4) % 256}/30', f'198.51.100.{(n * 8) % 256}/29', f'203.0.113.{n % 256}/32',
                    f'2001:db8:{n:x}::/48']
        values.append({'name': name, 'id': name,
                       'properties': {'changeNumber': change % 50 + n % 7, 'region': reg if reg and base != 'AzureFrontDoor' else '',
                                      'regionId': 0, 'platform': 'Azure', 'systemService': base if base not in ('AzureCloud',) else '',
                                      'addressPrefixes': prefixes, 'networkFeatures': ['API', 'NSG', 'UDR', 'FW']}})
    doc = {'changeNumber': change, 'cloud': file_cloud, 'values': values}
    with open(os.path.join(here, f'ServiceTags_{file_cloud if cloud != "usgov" else "AzureGovernment"}_{day}.json'), 'w',
              encoding='utf-8') as f:
        json.dump(doc, f, indent=2)
        f.write('\n')
    if cloud == 'public':
        # `az network list-service-tags --location japaneast` wraps the same values.
        az = {'changeNumber': str(change), 'cloud': file_cloud, 'id': '/subscriptions/x/providers/Microsoft.Network/serviceTags/Public',
              'name': 'Public', 'nextLink': None, 'type': 'Microsoft.Network/serviceTags', 'values': values}
        with open(os.path.join(here, 'az-list-service-tags-public.json'), 'w', encoding='utf-8') as f:
            json.dump(az, f, indent=2)
            f.write('\n')
