// Front-end projects shared by the static-site planner's tests.
#pragma once

#include <string>

namespace restage::test {

/// A Create React App project (react-scripts start and build).
inline const std::string kCra =
    R"({"name":"web","scripts":{"start":"react-scripts start","build":"react-scripts build"},)"
    R"("dependencies":{"react":"^18.2.0","react-dom":"^18.2.0","react-scripts":"5.0.1"}})";
/// angular.json for project `shop` on the application builder: it writes dist/shop/browser.
inline const std::string kAngularJson =
    R"({"version":1,"projects":{"shop":{"projectType":"application","architect":{"build":{"builder":)"
    R"("@angular-devkit/build-angular:application","options":{"outputPath":"dist/shop","index":"src/index.html"}}}}}})";
/// package.json of an Angular 17 project built with `ng build`.
inline const std::string kNg =
    R"({"scripts":{"build":"ng build"},"dependencies":{"@angular/core":"^17.3.0"},)"
    R"("devDependencies":{"@angular/cli":"^17.3.0"}})";

}  // namespace restage::test
